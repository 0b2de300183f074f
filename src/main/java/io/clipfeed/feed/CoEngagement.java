package io.clipfeed.feed;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Item-to-item co-occurrence: how often two videos were engaged with (completed, liked, commented, shared) by the
 * same viewer close together in time. Each video keeps its {@link #NEIGHBOURS} strongest neighbours, so memory is
 * bounded by the catalog's size whatever the traffic.
 */
final class CoEngagement {

    static final int NEIGHBOURS = 64;

    private final Map<String, Map<String, Double>> links = new ConcurrentHashMap<>();

    void link(String a, String b) {
        if (!a.equals(b)) {
            add(a, b);
            add(b, a);
        }
    }

    /** A copy of the video's neighbours with their counts. */
    Map<String, Double> neighbours(String videoId) {
        Map<String, Double> of = links.get(videoId);
        if (of == null) {
            return Map.of();
        }
        synchronized (of) {
            return new HashMap<>(of);
        }
    }

    private void add(String from, String to) {
        Map<String, Double> of = links.computeIfAbsent(from, k -> new HashMap<>());
        synchronized (of) {
            if (!of.containsKey(to) && of.size() >= NEIGHBOURS) {
                String weakest = null;
                for (Map.Entry<String, Double> e : of.entrySet()) {
                    if (weakest == null || e.getValue() < of.get(weakest)) {
                        weakest = e.getKey();
                    }
                }
                of.remove(weakest);
            }
            of.merge(to, 1.0, Double::sum);
        }
    }
}
