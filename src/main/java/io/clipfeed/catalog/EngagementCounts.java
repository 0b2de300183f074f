package io.clipfeed.catalog;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Likes, comments, views and shares of a video, shown in {@code counts} of every video response. Implemented by
 * {@code social} (which owns the counters); declared here so catalog does not depend on social. Without an
 * implementation all counts are zero.
 */
public interface EngagementCounts {

    Counts of(String videoId);

    /**
     * The counts of several videos read together (a feed page's card misses): every id in {@code videoIds} is a
     * key of the result, {@link Counts#ZERO} for a video nobody has engaged with yet.
     */
    default Map<String, Counts> ofAll(Collection<String> videoIds) {
        Map<String, Counts> all = new HashMap<>();
        videoIds.forEach(id -> all.put(id, of(id)));
        return all;
    }

    record Counts(long likes, long comments, long views, long shares) {
        public static final Counts ZERO = new Counts(0, 0, 0, 0);
    }
}
