/**
 * FFmpeg (bundled, in-process) integration: probe and validation, the pure TranscodePlan, its executor, packaging, covers and previews.
 */
@ApplicationModule(displayName = "media", allowedDependencies = {"catalog", "storage", "platform"})
package io.clipfeed.media;

import org.springframework.modulith.ApplicationModule;
