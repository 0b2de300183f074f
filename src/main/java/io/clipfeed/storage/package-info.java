/**
 * Blob storage: content-addressed by SHA-256, reference counted, on the local filesystem (default) or S3. Object keys are built in one place.
 */
@ApplicationModule(displayName = "storage", allowedDependencies = {"platform"})
package io.clipfeed.storage;

import org.springframework.modulith.ApplicationModule;
