package io.clipfeed.feed;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The precomputed lists a request reads without computing anything over the whole catalog: trending ids (best
 * first) with their scores, the best videos of each hashtag, new videos still owed exploration impressions (fewest
 * first), and the newest videos. Immutable; replaced whole on each refresh.
 */
record Snapshot(Instant at, List<String> trending, Map<String, Double> trendingScores,
        Map<String, List<String>> topByTag, List<String> fresh, List<String> newest) {

    static final Snapshot EMPTY = new Snapshot(Instant.EPOCH, List.of(), Map.of(), Map.of(), List.of(), List.of());

    double maxTrending() {
        return trending.isEmpty() ? 0 : trendingScores.getOrDefault(trending.get(0), 0.0);
    }
}
