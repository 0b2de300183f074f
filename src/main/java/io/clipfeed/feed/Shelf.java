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
 * The listed videos with their engagement, and the {@link Snapshot} of ranked lists built from them. Videos are
 * numbered by a {@link VideoIndex} and their listing and stats kept in arrays by number, so recording a signal is
 * a couple of array reads and {@link #refresh} a pass over arrays. The refresh walks the catalog once and runs off
 * the request path.
 */
final class Shelf {

    static final int TRENDING_SIZE = 1000;
    static final int PER_TAG = 50;
    static final int NEWEST_SIZE = 2000;

    private final VideoIndex index = new VideoIndex();
    private final Chunks<Listing> listed = new Chunks<>();
    private final Chunks<Stats> stats = new Chunks<>();
    private final Map<String, NavigableSet<Listing>> byCreator = new ConcurrentHashMap<>();
    private final Map<String, NavigableSet<Listing>> byTag = new ConcurrentHashMap<>();
    private final Decay decay;
    private final FeedSettings settings;
    private int size; // guarded by this
    private volatile Snapshot snapshot = Snapshot.EMPTY;

    Shelf(Decay decay, FeedSettings settings) {
        this.decay = decay;
        this.settings = settings;
    }

    synchronized void list(Listing listing) {
        unlist(listing.videoId());
        listed.set(index.of(listing.videoId()), listing);
        size++;
        byCreator.computeIfAbsent(listing.creatorId(), c -> new ConcurrentSkipListSet<>(Listing.NEWEST_FIRST))
                .add(listing);
        for (String tag : listing.hashtags()) {
            byTag.computeIfAbsent(tag, t -> new ConcurrentSkipListSet<>(Listing.NEWEST_FIRST)).add(listing);
        }
    }

    synchronized void unlist(String videoId) {
        int n = index.find(videoId);
        Listing old = listed.get(n);
        if (old == null) {
            return;
        }
        listed.set(n, null);
        size--;
        NavigableSet<Listing> ofCreator = byCreator.get(old.creatorId());
        if (ofCreator != null) {
            ofCreator.remove(old);
        }
        for (String tag : old.hashtags()) {
            NavigableSet<Listing> ofTag = byTag.get(tag);
            if (ofTag != null) {
                ofTag.remove(old);
            }
        }
    }

    Optional<Listing> find(String videoId) {
        return Optional.ofNullable(listed.get(index.find(videoId)));
    }

    /** The listing of a numbered video, null when it is not listed. */
    Listing listing(int number) {
        return listed.get(number);
    }

    boolean isListed(String videoId) {
        return listed.get(index.find(videoId)) != null;
    }

    /** The video's number (given now if it had none). */
    int number(String videoId) {
        return index.of(videoId);
    }

    synchronized int size() {
        return size;
    }

    /** Newest first. */
    NavigableSet<Listing> byCreator(String creatorId) {
        return byCreator.getOrDefault(creatorId, new ConcurrentSkipListSet<>(Listing.NEWEST_FIRST));
    }

    /** Listed videos carrying the hashtag (lower case), newest first. */
    NavigableSet<Listing> byTag(String tag) {
        return byTag.getOrDefault(tag, new ConcurrentSkipListSet<>(Listing.NEWEST_FIRST));
    }

    void record(int number, Signal signal, Instant at) {
        stats(number).add(signal, decay.weight(at));
    }

    void impressed(String videoId) {
        stats(index.of(videoId)).impressed();
    }

    long positives(int number) {
        Stats s = stats.get(number);
        return s == null ? 0 : s.positives();
    }

    double trending(String videoId, Instant now) {
        Stats s = stats.get(index.find(videoId));
        return s == null ? 0 : s.trending(decay.weight(now));
    }

    Snapshot snapshot() {
        return snapshot;
    }

    private Stats stats(int number) {
        Stats s = stats.get(number);
        return s != null ? s : stats.setIfAbsent(number, new Stats());
    }

    /** Rebuilds the ranked lists from every listed video. */
    void refresh(Instant now) {
        double nowWeight = decay.weight(now);
        TopK top = new TopK(TRENDING_SIZE);
        Map<String, TopK> tags = new HashMap<>();
        PriorityQueue<Listing> newest = new PriorityQueue<>(Listing.NEWEST_FIRST.reversed());
        List<Owed> fresh = new ArrayList<>();
        Instant freshSince = now.minus(settings.freshWindow());
        int numbers = index.size();
        for (int n = 0; n < numbers; n++) {
            Listing l = listed.get(n);
            if (l == null) {
                continue;
            }
            Stats s = stats.get(n);
            double score = s == null ? 0 : s.trending(nowWeight);
            top.offer(n, score);
            for (String tag : l.hashtags()) {
                tags.computeIfAbsent(tag, t -> new TopK(PER_TAG)).offer(n, score);
            }
            if (newest.size() < NEWEST_SIZE || Listing.NEWEST_FIRST.compare(l, newest.peek()) < 0) {
                newest.add(l);
                if (newest.size() > NEWEST_SIZE) {
                    newest.poll();
                }
            }
            long impressions = s == null ? 0 : s.impressions();
            if (impressions < settings.explorationTarget() && l.publishedAt().isAfter(freshSince)) {
                fresh.add(new Owed(l, impressions));
            }
        }
        int[] trending = top.best();
        Map<String, Double> scores = new HashMap<>(trending.length * 2);
        for (int n : trending) {
            scores.put(index.id(n), top.scoreOf(n));
        }
        Map<String, List<String>> byTag = new HashMap<>(tags.size() * 2);
        tags.forEach((tag, best) -> byTag.put(tag, ids(best.best())));
        snapshot = new Snapshot(now, ids(trending), Map.copyOf(scores), Map.copyOf(byTag),
                fewestImpressionsFirst(fresh), newest.stream().sorted(Listing.NEWEST_FIRST).map(Listing::videoId)
                        .toList());
    }

    private List<String> ids(int[] numbers) {
        List<String> ids = new ArrayList<>(numbers.length);
        for (int n : numbers) {
            ids.add(index.id(n));
        }
        return List.copyOf(ids);
    }

    /** A new video still owed exploration impressions. */
    private record Owed(Listing listing, long impressions) {
    }

    private static List<String> fewestImpressionsFirst(List<Owed> fresh) {
        fresh.sort(Comparator.comparingLong(Owed::impressions).thenComparing(Owed::listing, Listing.NEWEST_FIRST));
        List<String> ids = new ArrayList<>(Math.min(NEWEST_SIZE, fresh.size()));
        for (int i = 0; i < fresh.size() && i < NEWEST_SIZE; i++) {
            ids.add(fresh.get(i).listing().videoId());
        }
        return List.copyOf(ids);
    }
}
