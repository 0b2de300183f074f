/**
 * Likes, comments, follows, shares, views, counters, notifications, blocks and profiles.
 * <p>
 * Its API is the events it publishes (inside the transaction of each change, for the feed to learn from) and its
 * implementation of catalog's {@code EngagementCounts}. Views are counted from analytics' {@code PlaybackObserved}.
 * Counters are exact: each moves in the transaction that adds or removes the row it counts, and a recurring job
 * ({@code CounterReconciler}) recounts them from those rows and reports any drift it repairs.
 */
@ApplicationModule(displayName = "social", allowedDependencies = {"catalog", "identity", "analytics", "platform"})
package io.clipfeed.social;

import org.springframework.modulith.ApplicationModule;
