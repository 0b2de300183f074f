/**
 * Moderation policy, automatic checks, reports, the review queue, takedowns and the audit log.
 */
@ApplicationModule(displayName = "moderation", allowedDependencies = {"catalog", "media", "identity", "platform"})
package io.clipfeed.moderation;

import org.springframework.modulith.ApplicationModule;
