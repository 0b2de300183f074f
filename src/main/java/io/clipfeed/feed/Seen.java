package io.clipfeed.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The seen-filter: per viewer, the videos served to or watched by them lately, bounded in count per viewer and in
 * viewers (the least recently active are forgotten first).
 */
final class Seen {

    private final Cache<String, Map<String, Instant>> viewers;
    private final Duration seenFor;
    private final int capacity;

    Seen(Duration seenFor, int capacity) {
        this.seenFor = seenFor;
        this.capacity = capacity;
        this.viewers = Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(seenFor).build();
    }

    void add(String viewerKey, Collection<String> videoIds, Instant at) {
        Map<String, Instant> seen = viewers.get(viewerKey, k -> new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                return size() > capacity;
            }
        });
        synchronized (seen) {
            videoIds.forEach(id -> seen.put(id, at));
        }
    }

    boolean contains(String viewerKey, String videoId, Instant now) {
        return of(viewerKey, now).test(videoId);
    }

    /** Whether a video was seen by the viewer, with the viewer looked up once (for filtering many videos). */
    Predicate<String> of(String viewerKey, Instant now) {
        Map<String, Instant> seen = viewerKey == null ? null : viewers.getIfPresent(viewerKey);
        if (seen == null) {
            return id -> false;
        }
        Instant since = now.minus(seenFor);
        return id -> {
            Instant at;
            synchronized (seen) {
                at = seen.get(id);
            }
            return at != null && at.isAfter(since);
        };
    }
}
