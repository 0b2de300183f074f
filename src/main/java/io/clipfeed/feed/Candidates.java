package io.clipfeed.feed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * For You's candidate pool while it is being gathered: per video, its score from each source (0 to 1, the best of
 * a source scoring 1) and the hashtag that brought it. Only listed videos the viewer may see get in.
 */
final class Candidates {

    private final Shelf shelf;
    private final Predicate<Listing> allowed;
    private final Map<String, Entry> entries = new HashMap<>();

    private static final class Entry {
        final Listing listing;
        final double[] scores = new double[ForYou.Source.values().length];
        String tag;

        Entry(Listing listing) {
            this.listing = listing;
        }
    }

    Candidates(Shelf shelf, Predicate<Listing> allowed) {
        this.shelf = shelf;
        this.allowed = allowed;
    }

    /** Records the source's score (keeping the higher one); false when the video is not a candidate. */
    boolean offer(String videoId, ForYou.Source source, double score, String tag) {
        Entry e = entries.get(videoId);
        if (e == null) {
            Listing listing = shelf.find(videoId).filter(allowed).orElse(null);
            if (listing == null) {
                return false;
            }
            e = new Entry(listing);
            entries.put(videoId, e);
        }
        if (score > e.scores[source.ordinal()]) {
            e.scores[source.ordinal()] = score;
            e.tag = tag != null ? tag : e.tag;
        }
        return true;
    }

    /** The candidates, best blended score first, each with the reason its strongest source gives. */
    List<Pick> blend(FeedSettings.Weights w, Taste taste) {
        double[] weights = {w.trending(), w.coEngagement(), w.hashtags(), w.following()};
        Map<String, Double> creators = taste.creators();
        List<Map.Entry<Pick, Double>> scored = new ArrayList<>(entries.size());
        for (Entry e : entries.values()) {
            double total = w.creators() * creators.getOrDefault(e.listing.creatorId(), 0.0);
            int strongest = 0;
            for (int s = 0; s < weights.length; s++) {
                total += weights[s] * e.scores[s];
                strongest = weights[s] * e.scores[s] > weights[strongest] * e.scores[strongest] ? s : strongest;
            }
            scored.add(Map.entry(new Pick(e.listing, reason(ForYou.Source.values()[strongest], e.tag)), total));
        }
        scored.sort(Map.Entry.<Pick, Double>comparingByValue().reversed()
                .thenComparing(e -> e.getKey().videoId()));
        return scored.stream().map(Map.Entry::getKey).toList();
    }

    private static Reason reason(ForYou.Source source, String tag) {
        return switch (source) {
            case TRENDING -> Reason.of(Reason.Kind.TRENDING);
            case CO_ENGAGEMENT -> Reason.of(Reason.Kind.SIMILAR);
            case HASHTAGS -> new Reason(Reason.Kind.LIKED_TAG, tag);
            case FOLLOWING -> Reason.of(Reason.Kind.FOLLOWING);
        };
    }
}
