/**
 * Sounds, lyrics, filters, templates and duet/stitch requests.
 */
@ApplicationModule(displayName = "creation", allowedDependencies = {"catalog", "media", "storage", "platform"})
package io.clipfeed.creation;

import org.springframework.modulith.ApplicationModule;
