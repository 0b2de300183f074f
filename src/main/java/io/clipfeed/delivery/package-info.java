/**
 * Serving bytes to viewers: range requests, signed URLs, play-URL selection (PlayInfo) and preload hints.
 */
@ApplicationModule(displayName = "delivery", allowedDependencies = {"catalog", "storage", "platform"})
package io.clipfeed.delivery;

import org.springframework.modulith.ApplicationModule;
