/**
 * Resumable uploads over tus 1.0.0: upload sessions, expiry, per-user quotas; a completed upload is stored content-addressed and handed to the catalog.
 */
@ApplicationModule(displayName = "upload", allowedDependencies = {"catalog", "storage", "identity", "platform"})
package io.clipfeed.upload;

import org.springframework.modulith.ApplicationModule;
