package io.clipfeed.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * For You's ranking. Candidates come from four sources — trending, co-engagement with what the viewer recently
 * engaged with, the best videos of the viewer's favourite hashtags, and followed creators' new videos — each
 * scored 0 to 1 within its source and blended with {@link FeedSettings.Weights} (plus the viewer's affinity to the
 * creator). New videos owed impressions fill the exploration slots. Everything read here is in memory.
 * <p>
 * Ranking ({@link #ranked}) and filling a page ({@link #page}) are separate steps, so that a ranked list can be
 * kept per viewer and pages served from it with the filters (seen, blocked, still listed, already served in this
 * scroll) applied at serve time; {@link #rank} does both at once.
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
        return page(PageAssembly.of(ranked(viewer, excluded, Integer.MAX_VALUE, now)), viewer, excluded,
                lastCreator, size, now);
    }

    /**
     * The viewer's candidates, best first (at most {@code limit}), leaving out what is excluded, seen, hidden by a
     * block or not listed at the time of ranking.
     */
    List<Pick> ranked(Viewer viewer, Predicate<String> excluded, int limit, Instant now) {
        Snapshot snap = model.shelf().snapshot();
        Predicate<Listing> allowed = allowed(viewer, excluded, now);
        Taste taste = model.taste(viewer.key());
        Candidates candidates = new Candidates(model.shelf(), allowed);
        trending(snap, candidates);
        coEngaged(taste, candidates);
        tagged(taste, snap, candidates);
        followed(viewer, now, candidates);
        List<Pick> ranked = candidates.blend(model.settings().weights(), taste);
        return ranked.size() > limit ? List.copyOf(ranked.subList(0, limit)) : ranked;
    }

    /**
     * Fills a page from a ranked source: ranked picks still allowed, new videos owed impressions in the exploration
     * slots, the newest videos when both ran dry; one creator twice in a row only when nothing else is left (a page
     * short of fresh videos makes the viewer caught up, {@link CaughtUp}).
     */
    List<Pick> page(PageAssembly.Source ranked, Viewer viewer, Predicate<String> excluded, String lastCreator,
            int size, Instant now) {
        Snapshot snap = model.shelf().snapshot();
        Predicate<Listing> allowed = allowed(viewer, excluded, now);
        Reason fresh = Reason.of(Reason.Kind.NEW);
        Reason more = Reason.of(Reason.Kind.MORE);
        return PageAssembly.assemble(ranked, picks(snap.fresh(), allowed, fresh), picks(snap.newest(), allowed, more),
                model.settings().explorationShare(), lastCreator, size, true);
    }

    /** Listed, not excluded, not hidden from the viewer by a block and not seen by them lately. */
    Predicate<Listing> allowed(Viewer viewer, Predicate<String> excluded, Instant now) {
        Predicate<String> hidden = model.graph().hiddenFor(viewer.userId());
        Predicate<String> seen = model.seenBy(viewer.key(), now);
        return l -> !excluded.test(l.videoId()) && !hidden.test(l.creatorId()) && !seen.test(l.videoId());
    }

    private LazyPicks<String> picks(List<String> ids, Predicate<Listing> allowed, Reason reason) {
        return new LazyPicks<>(ids.iterator(), id -> model.shelf().find(id).filter(allowed)
                .map(l -> new Pick(l, reason)).orElse(null));
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
        int[] recent = taste.recent();
        Map<Integer, Double> raw = new HashMap<>();
        for (int i = 0; i < recent.length; i++) {
            int seed = recent[i];
            double recency = 1.0 / (1 + 0.1 * i);
            double seedPositives = Math.max(1, shelf.positives(seed));
            CoEngagement.Linked linked = model.coEngagement().neighbours(seed);
            for (int j = 0; j < linked.videos().length; j++) {
                int id = linked.videos()[j];
                raw.merge(id, recency * linked.counts()[j] / Math.sqrt(seedPositives
                        * Math.max(1, shelf.positives(id))), Double::sum);
            }
        }
        double max = raw.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        if (max > 0) {
            raw.forEach((n, score) -> {
                Listing l = shelf.listing(n);
                if (l != null) {
                    candidates.offer(l.videoId(), Source.CO_ENGAGEMENT, score / max, null);
                }
            });
        }
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

    enum Source {
        TRENDING, CO_ENGAGEMENT, HASHTAGS, FOLLOWING
    }
}
