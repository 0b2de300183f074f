/**
 * The For-You, following, trending, hashtag and search feeds.
 */
@ApplicationModule(displayName = "feed", allowedDependencies = {"catalog", "social", "delivery", "analytics", "platform"})
package io.clipfeed.feed;

import org.springframework.modulith.ApplicationModule;
