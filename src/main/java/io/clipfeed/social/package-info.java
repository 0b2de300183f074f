/**
 * Likes, comments, follows, shares, views, counters, notifications and blocks.
 */
@ApplicationModule(displayName = "social", allowedDependencies = {"catalog", "identity", "analytics", "platform"})
package io.clipfeed.social;

import org.springframework.modulith.ApplicationModule;
