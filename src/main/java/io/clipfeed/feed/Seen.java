package io.clipfeed.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The seen-filter: per viewer, the videos they watched (or liked, commented on, shared) lately, bounded in count per
 * viewer and in viewers (the least recently active are forgotten first). Being served a video does not make it
 * seen: a slide the viewer never reached stays in their For You. Each viewer's videos are kept in the order they
 * were last seen, so the least recently seen can be offered again once nothing fresh is left ({@link CaughtUp}),
 * and are also the first forgotten when the viewer has seen more than the capacity.
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
        Map<String, Instant> seen = viewers.get(viewerKey, k -> new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                return size() > capacity;
            }
        });
        synchronized (seen) {
            for (String id : videoIds) {
                Instant before = seen.get(id);
                if (before == null || at.isAfter(before)) {
                    // removed first so that the video moves to the end: the map stays in order of last seen
                    seen.remove(id);
                    seen.put(id, at);
                }
            }
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

    /** The videos the viewer has seen within {@code seen-for}, the one seen least recently first. */
    List<String> leastRecentFirst(String viewerKey, Instant now) {
        Map<String, Instant> seen = viewerKey == null ? null : viewers.getIfPresent(viewerKey);
        if (seen == null) {
            return List.of();
        }
        Instant since = now.minus(seenFor);
        List<Map.Entry<String, Instant>> entries = new ArrayList<>();
        synchronized (seen) {
            seen.forEach((id, at) -> {
                if (at.isAfter(since)) {
                    entries.add(Map.entry(id, at));
                }
            });
        }
        // mostly in order already; signals are learnt asynchronously, so one may arrive after a later one
        entries.sort(Map.Entry.comparingByValue());
        return entries.stream().map(Map.Entry::getKey).toList();
    }
}
