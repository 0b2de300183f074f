package io.clipfeed.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * For You's ranking. Candidates come from four sources — trending, co-engagement with what the viewer recently
 * engaged with, the best videos of the viewer's favourite hashtags, and followed creators' new videos — each
 * scored 0 to 1 within its source and blended with {@link FeedSettings.Weights} (plus the viewer's affinity to the
 * creator). New videos owed impressions fill the exploration slots. Everything read here is in memory.
 */
final class ForYou {

    static final int TRENDING_CANDIDATES = 300;
    static final int TOP_TAGS = 5;
    static final int PER_FOLLOWEE = 10;
    static final Duration FOLLOWING_WINDOW = Duration.ofDays(14);

    private final FeedModel model;

    ForYou(FeedModel model) {
        this.model = model;
    }

    /** The next {@code size} picks for the viewer, skipping {@code excluded} (already served in this feed). */
    List<Pick> rank(Viewer viewer, Predicate<String> excluded, String lastCreator, int size, Instant now) {
        Shelf shelf = model.shelf();
        Snapshot snap = shelf.snapshot();
        Predicate<Listing> allowed = l -> !excluded.test(l.videoId())
                && !model.graph().hidden(viewer.userId(), l.creatorId()) && !model.seen(viewer.key(), l.videoId(), now);
        Taste taste = viewer.key() == null ? new Taste() : model.taste(viewer.key());
        Candidates candidates = new Candidates(shelf, allowed);
        trending(snap, candidates);
        coEngaged(taste, candidates);
        tagged(taste, snap, candidates);
        followed(viewer, now, candidates);
        FeedSettings.Weights w = model.settings().weights();
        List<Pick> ranked = candidates.blend(w, taste);
        List<Pick> exploration = picks(snap.fresh(), allowed, Reason.of(Reason.Kind.NEW));
        return PageAssembly.assemble(ranked, exploration, () -> picks(snap.newest(), allowed,
                Reason.of(Reason.Kind.MORE)), model.settings().explorationShare(), lastCreator, size);
    }

    private void trending(Snapshot snap, Candidates candidates) {
        double max = snap.maxTrending();
        int taken = 0;
        for (String id : snap.trending()) {
            if (taken >= TRENDING_CANDIDATES) {
                break;
            }
            double score = max <= 0 ? 0 : snap.trendingScores().getOrDefault(id, 0.0) / max;
            if (score <= 0) {
                break; // no engagement yet: such videos come through exploration, not as "trending"
            }
            if (candidates.offer(id, Source.TRENDING, score, null)) {
                taken++;
            }
        }
    }

    private void coEngaged(Taste taste, Candidates candidates) {
        Shelf shelf = model.shelf();
        List<String> recent = taste.recent();
        Map<String, Double> raw = new HashMap<>();
        for (int i = 0; i < recent.size(); i++) {
            String seed = recent.get(i);
            double recency = 1.0 / (1 + 0.1 * i);
            double seedPositives = Math.max(1, shelf.positives(seed));
            model.coEngagement().neighbours(seed).forEach((id, count) -> raw.merge(id,
                    recency * count / Math.sqrt(seedPositives * Math.max(1, shelf.positives(id))), Double::sum));
        }
        candidates.offerAll(raw, Source.CO_ENGAGEMENT);
    }

    private void tagged(Taste taste, Snapshot snap, Candidates candidates) {
        Map<String, Double> tags = taste.topTags(TOP_TAGS);
        double maxAffinity = tags.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double maxTrending = snap.maxTrending();
        tags.forEach((tag, affinity) -> {
            List<String> best = snap.topByTag().getOrDefault(tag, List.of());
            for (String id : best) {
                double quality = maxTrending <= 0 ? 0 : model.shelf().trending(id, snap.at()) / maxTrending;
                candidates.offer(id, Source.HASHTAGS, affinity / maxAffinity * (0.7 + 0.3 * Math.min(1, quality)),
                        tag);
            }
        });
    }

    private void followed(Viewer viewer, Instant now, Candidates candidates) {
        for (String creator : model.graph().followees(viewer.userId())) {
            int taken = 0;
            for (Listing l : model.shelf().byCreator(creator)) {
                Duration age = Duration.between(l.publishedAt(), now);
                if (taken++ >= PER_FOLLOWEE || age.compareTo(FOLLOWING_WINDOW) > 0) {
                    break;
                }
                candidates.offer(l.videoId(), Source.FOLLOWING, 1.0 / (1 + Math.max(0, age.toHours()) / 24.0), null);
            }
        }
    }

    private List<Pick> picks(List<String> ids, Predicate<Listing> allowed, Reason reason) {
        List<Pick> picks = new ArrayList<>();
        for (String id : ids) {
            model.shelf().find(id).filter(allowed).ifPresent(l -> picks.add(new Pick(l, reason)));
        }
        return picks;
    }

    enum Source {
        TRENDING, CO_ENGAGEMENT, HASHTAGS, FOLLOWING
    }

    static Comparator<Map.Entry<Pick, Double>> bestFirst() {
        return Map.Entry.<Pick, Double>comparingByValue().reversed()
                .thenComparing(e -> e.getKey().videoId());
    }
}
