/**
 * First-run demo content: a few users and short clips generated with the bundled FFmpeg, so a newcomer sees a working feed.
 */
@ApplicationModule(displayName = "demo", allowedDependencies = {"identity", "catalog", "upload", "storage", "media", "platform"})
package io.clipfeed.demo;

import org.springframework.modulith.ApplicationModule;
