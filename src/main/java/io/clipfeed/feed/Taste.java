package io.clipfeed.feed;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one viewer has shown they like: affinities to hashtags and creators (sums of signal strengths) and the
 * videos they engaged with most recently. Guarded by its own monitor.
 */
final class Taste {

    static final int RECENT = 20;

    private final Map<String, Double> tags = new HashMap<>();
    private final Map<String, Double> creators = new HashMap<>();
    private final Deque<String> recent = new ArrayDeque<>();

    /** Learns from a signal and returns the recently engaged videos it links to (for co-engagement). */
    synchronized List<String> learn(Listing video, Signal signal) {
        for (String tag : video.hashtags()) {
            tags.merge(tag, signal.taste, Double::sum);
        }
        creators.merge(video.creatorId(), signal.taste, Double::sum);
        if (!signal.positive() || recent.contains(video.videoId())) {
            return List.of();
        }
        List<String> linked = List.copyOf(recent);
        recent.addFirst(video.videoId());
        if (recent.size() > RECENT) {
            recent.removeLast();
        }
        return linked;
    }

    /** Most recent first. */
    synchronized List<String> recent() {
        return List.copyOf(recent);
    }

    /** The {@code n} hashtags with the strongest positive affinity, strongest first, with their affinity. */
    synchronized Map<String, Double> topTags(int n) {
        return tags.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(n)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Affinity to each creator relative to the strongest one, 0 to 1 (a copy). */
    synchronized Map<String, Double> creators() {
        double max = creators.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        Map<String, Double> relative = new HashMap<>();
        if (max > 0) {
            creators.forEach((creator, affinity) -> relative.put(creator, Math.max(0, affinity) / max));
        }
        return relative;
    }

    synchronized boolean isEmpty() {
        return tags.isEmpty() && creators.isEmpty() && recent.isEmpty();
    }
}
