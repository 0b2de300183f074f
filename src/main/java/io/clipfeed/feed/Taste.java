package io.clipfeed.feed;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one viewer has shown they like: affinities to hashtags and creators (sums of signal strengths) and the
 * videos (by number) they engaged with most recently. {@link #version} changes with every signal, so a list
 * ranked for the viewer knows when it is out of date. Guarded by its own monitor.
 */
final class Taste {

    static final int RECENT = 20;

    private final Map<String, Double> tags = new HashMap<>();
    private final Map<String, Double> creators = new HashMap<>();
    private final int[] recent = new int[RECENT]; // most recent first
    private int recentSize;
    private long version;
    private Instant learntAt = Instant.EPOCH;

    /** Learns from a signal and returns the recently engaged videos it links to (for co-engagement). */
    synchronized int[] learn(Listing video, int number, Signal signal, Instant at) {
        version++;
        learntAt = at.isAfter(learntAt) ? at : learntAt;
        for (String tag : video.hashtags()) {
            tags.merge(tag, signal.taste, Double::sum);
        }
        creators.merge(video.creatorId(), signal.taste, Double::sum);
        if (!signal.positive() || contains(number)) {
            return new int[0];
        }
        int[] linked = Arrays.copyOf(recent, recentSize);
        System.arraycopy(recent, 0, recent, 1, Math.min(recentSize, RECENT - 1));
        recent[0] = number;
        recentSize = Math.min(RECENT, recentSize + 1);
        return linked;
    }

    private boolean contains(int number) {
        for (int i = 0; i < recentSize; i++) {
            if (recent[i] == number) {
                return true;
            }
        }
        return false;
    }

    /** Most recent first. */
    synchronized int[] recent() {
        return Arrays.copyOf(recent, recentSize);
    }

    synchronized long version() {
        return version;
    }

    /** When the latest signal learnt happened. */
    synchronized Instant learntAt() {
        return learntAt;
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
        return tags.isEmpty() && creators.isEmpty() && recentSize == 0;
    }
}
