package io.clipfeed.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The listed videos with their engagement, and the {@link Snapshot} of ranked lists built from them. Writes (a
 * video listed, a signal recorded) are O(log n); {@link #refresh} walks the catalog once and runs off the request
 * path.
 */
final class Shelf {

    static final int TRENDING_SIZE = 1000;
    static final int PER_TAG = 50;
    static final int NEWEST_SIZE = 2000;

    private final Map<String, Listing> listed = new ConcurrentHashMap<>();
    private final Map<String, Stats> stats = new ConcurrentHashMap<>();
    private final Map<String, NavigableSet<Listing>> byCreator = new ConcurrentHashMap<>();
    private final Decay decay;
    private final FeedSettings settings;
    private volatile Snapshot snapshot = Snapshot.EMPTY;

    Shelf(Decay decay, FeedSettings settings) {
        this.decay = decay;
        this.settings = settings;
    }

    void list(Listing listing) {
        unlist(listing.videoId());
        listed.put(listing.videoId(), listing);
        byCreator.computeIfAbsent(listing.creatorId(), c -> new ConcurrentSkipListSet<>(Listing.NEWEST_FIRST))
                .add(listing);
    }

    void unlist(String videoId) {
        Listing old = listed.remove(videoId);
        NavigableSet<Listing> ofCreator = old == null ? null : byCreator.get(old.creatorId());
        if (ofCreator != null) {
            ofCreator.remove(old);
        }
    }

    Optional<Listing> find(String videoId) {
        return Optional.ofNullable(listed.get(videoId));
    }

    boolean isListed(String videoId) {
        return listed.containsKey(videoId);
    }

    int size() {
        return listed.size();
    }

    /** Newest first. */
    NavigableSet<Listing> byCreator(String creatorId) {
        return byCreator.getOrDefault(creatorId, new ConcurrentSkipListSet<>(Listing.NEWEST_FIRST));
    }

    void record(String videoId, Signal signal, Instant at) {
        stats.computeIfAbsent(videoId, id -> new Stats()).add(signal, decay.weight(at));
    }

    void impressed(String videoId) {
        stats.computeIfAbsent(videoId, id -> new Stats()).impressed();
    }

    long positives(String videoId) {
        Stats s = stats.get(videoId);
        return s == null ? 0 : s.positives();
    }

    double trending(String videoId, Instant now) {
        Stats s = stats.get(videoId);
        return s == null ? 0 : s.trending(decay.weight(now));
    }

    Snapshot snapshot() {
        return snapshot;
    }

    /** Rebuilds the ranked lists from every listed video. */
    void refresh(Instant now) {
        double nowWeight = decay.weight(now);
        Map<String, Double> scores = new HashMap<>(listed.size() * 2);
        Comparator<String> byScore = Comparator.comparingDouble(scores::get);
        PriorityQueue<String> top = new PriorityQueue<>(byScore);
        Map<String, PriorityQueue<String>> tags = new HashMap<>();
        PriorityQueue<Listing> newest = new PriorityQueue<>(Listing.NEWEST_FIRST.reversed());
        List<Listing> fresh = new ArrayList<>();
        Instant freshSince = now.minus(settings.freshWindow());
        for (Listing l : listed.values()) {
            Stats s = stats.get(l.videoId());
            scores.put(l.videoId(), s == null ? 0 : s.trending(nowWeight));
            keep(top, l.videoId(), TRENDING_SIZE);
            for (String tag : l.hashtags()) {
                keep(tags.computeIfAbsent(tag, t -> new PriorityQueue<>(byScore)), l.videoId(), PER_TAG);
            }
            newest.add(l);
            if (newest.size() > NEWEST_SIZE) {
                newest.poll();
            }
            if (l.publishedAt().isAfter(freshSince) && (s == null || s.impressions() < settings.explorationTarget())) {
                fresh.add(l);
            }
        }
        snapshot = new Snapshot(now, best(top, scores), topScores(top, scores), bestByTag(tags, scores),
                fewestImpressionsFirst(fresh), newest.stream().sorted(Listing.NEWEST_FIRST).map(Listing::videoId)
                        .toList());
    }

    private static <T> void keep(PriorityQueue<T> queue, T item, int size) {
        queue.add(item);
        if (queue.size() > size) {
            queue.poll();
        }
    }

    private static List<String> best(PriorityQueue<String> queue, Map<String, Double> scores) {
        return queue.stream().sorted(Comparator.comparingDouble((String id) -> scores.get(id)).reversed()
                .thenComparing(Comparator.naturalOrder())).toList();
    }

    private static Map<String, Double> topScores(PriorityQueue<String> queue, Map<String, Double> scores) {
        Map<String, Double> kept = new HashMap<>();
        queue.forEach(id -> kept.put(id, scores.get(id)));
        return Map.copyOf(kept);
    }

    private static Map<String, List<String>> bestByTag(Map<String, PriorityQueue<String>> tags,
            Map<String, Double> scores) {
        Map<String, List<String>> best = new HashMap<>();
        tags.forEach((tag, queue) -> best.put(tag, best(queue, scores)));
        return Map.copyOf(best);
    }

    private List<String> fewestImpressionsFirst(List<Listing> fresh) {
        Map<String, Long> seen = new HashMap<>();
        fresh.forEach(l -> seen.put(l.videoId(), impressions(l.videoId())));
        return fresh.stream().sorted(Comparator.comparingLong((Listing l) -> seen.get(l.videoId()))
                .thenComparing(Listing.NEWEST_FIRST)).limit(NEWEST_SIZE).map(Listing::videoId).toList();
    }

    private long impressions(String videoId) {
        Stats s = stats.get(videoId);
        return s == null ? 0 : s.impressions();
    }
}
