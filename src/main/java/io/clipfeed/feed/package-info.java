/**
 * The For-You, following, trending, hashtag and search feeds. Built only on other modules' events: the feed keeps
 * its own projections (listed videos, interactions, follows, blocks) in its tables and an in-memory model of them
 * (per-video engagement, per-viewer tastes, item-to-item co-engagement) so that a request ranks without I/O.
 */
@ApplicationModule(displayName = "feed",
        allowedDependencies = {"catalog", "social", "delivery", "analytics", "identity", "platform"})
package io.clipfeed.feed;

import org.springframework.modulith.ApplicationModule;
