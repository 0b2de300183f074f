package io.clipfeed.catalog;

/**
 * Likes, comments, views and shares of a video, shown in {@code counts} of every video response. Implemented by
 * {@code social} (which owns the counters); declared here so catalog does not depend on social. Without an
 * implementation all counts are zero.
 */
public interface EngagementCounts {

    Counts of(String videoId);

    record Counts(long likes, long comments, long views, long shares) {
        public static final Counts ZERO = new Counts(0, 0, 0, 0);
    }
}
