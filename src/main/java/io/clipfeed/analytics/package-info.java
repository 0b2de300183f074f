/**
 * Playback beacons and quality-of-experience rollups for the dashboards.
 */
@ApplicationModule(displayName = "analytics", allowedDependencies = {"catalog", "platform"})
package io.clipfeed.analytics;

import org.springframework.modulith.ApplicationModule;
