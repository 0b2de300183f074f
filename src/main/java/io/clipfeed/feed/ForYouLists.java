package io.clipfeed.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * For You served from ranked lists kept in memory, the way production recommenders serve from precomputed
 * candidates: each viewer with a taste of their own gets a list of {@link #KEEP} candidates (up to {@link #MAX_KEEP}
 * for a viewer who used up their previous list within {@link #MAX_AGE}) ranked by
 * {@link ForYou}, and pages are filled from it with the seen, block, listing and scroll filters (and the
 * exploration and diversity rules) applied at serve time. A request therefore looks at a few dozen candidates
 * instead of ranking thousands. No request ranks: a viewer's first page comes from the shared list (with their own
 * filters) while their own list is ranked on a background thread, and a list is ranked again there when the
 * viewer's taste changed, when it is older than {@link #MAX_AGE}, or when it runs low. Viewers with nothing
 * personal yet (anonymous, new, or anyone while the model is still loading) share one list, re-ranked at every
 * refresh of the precomputed lists.
 */
final class ForYouLists {

    static final int KEEP = 200;
    static final int MAX_KEEP = 800;
    static final int LOW = 30;
    static final Duration MAX_AGE = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(ForYouLists.class);

    /** A list that ran low is ranked again at most this often (a viewer who has seen everything stays low). */
    static final Duration LOW_RERANK_EVERY = Duration.ofSeconds(5);

    private final FeedModel model;
    private final ForYou forYou;
    private final Clock clock;
    private final Cache<String, Ranked> lists = Caffeine.newBuilder().maximumWeight(2_000_000)
            .weigher((String viewer, Ranked r) -> r.picks.size() + 1).expireAfterAccess(Duration.ofMinutes(30))
            .build();
    /** One thread at most: ranking never takes more than one core from serving. */
    private final Executor reranker;
    private volatile Ranked shared;

    /** The taste version of a list not ranked for its viewer (the shared list lent to a first request). */
    private static final long NOT_RANKED = Long.MIN_VALUE;

    /**
     * One viewer's ranked list; {@code start} is the furthest any scroll got in it (how quickly the viewer uses lists
     * up, and where a page without a scroll position starts).
     */
    private static final class Ranked {
        final List<Pick> picks;
        final long tasteVersion;
        final Instant rankedAt;
        final Snapshot snapshot;
        final AtomicInteger start = new AtomicInteger();
        final AtomicBoolean reranking = new AtomicBoolean();
        /** How many candidates were asked for. */
        final int keep;

        Ranked(List<Pick> picks, long tasteVersion, Instant rankedAt, Snapshot snapshot) {
            this(picks, tasteVersion, rankedAt, snapshot, KEEP);
        }

        Ranked(List<Pick> picks, long tasteVersion, Instant rankedAt, Snapshot snapshot, int keep) {
            this.keep = keep;
            this.picks = picks;
            this.tasteVersion = tasteVersion;
            this.rankedAt = rankedAt;
            this.snapshot = snapshot;
        }
    }

    ForYouLists(FeedModel model, ForYou forYou, Clock clock) {
        this(model, forYou, clock, new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES,
                new ArrayBlockingQueue<>(10_000), r -> {
                    Thread t = new Thread(r, "feed-rerank");
                    t.setDaemon(true);
                    return t;
                }));
    }

    /** With the executor lists are ranked on (it may reject a task when busy: the viewer asks again later). */
    ForYouLists(FeedModel model, ForYou forYou, Clock clock, Executor reranker) {
        this.model = model;
        this.forYou = forYou;
        this.clock = clock;
        this.reranker = reranker;
    }

    /**
     * Where one scroll is in the viewer's kept list. Served videos are not seen, so a new scroll (the viewer's next
     * visit) reads the list from its top again, where what was served but never watched still is; one scroll skips
     * the leading candidates it used up. Guarded by its own monitor.
     */
    static final class Position {
        private Object list;
        private int index;

        synchronized int in(Object ranked) {
            return ranked == list ? index : 0;
        }

        synchronized void set(Object ranked, int at) {
            list = ranked;
            index = at;
        }
    }

    /** The next page for the viewer, skipping {@code excluded}; the list is read from where the last page left off. */
    List<Pick> page(Viewer viewer, Predicate<String> excluded, String lastCreator, int size, Instant now) {
        return page(viewer, excluded, lastCreator, size, now, null);
    }

    /**
     * The next page for the viewer, skipping {@code excluded} (already served in this scroll), from the scroll's
     * {@code position} in the viewer's list (null: from where the last page of any scroll left off).
     */
    List<Pick> page(Viewer viewer, Predicate<String> excluded, String lastCreator, int size, Instant now,
            Position position) {
        if (!personal(viewer)) {
            return serve(shared(now), 0, viewer, excluded, lastCreator, size, now).page();
        }
        Ranked ranked = lists.getIfPresent(viewer.key());
        if (ranked == null) {
            // ranking takes milliseconds: the first page is served from the shared list at once (the viewer's
            // seen, block and scroll filters still apply) and the viewer's own list is ranked in the background
            Ranked common = shared(now);
            ranked = lists.get(viewer.key(),
                    k -> new Ranked(common.picks, NOT_RANKED, common.rankedAt, common.snapshot));
        }
        int start = position == null ? ranked.start.get() : position.in(ranked);
        Served served = serve(ranked, start, viewer, excluded, lastCreator, size, now);
        ranked.start.accumulateAndGet(served.usedUp(), Math::max);
        if (position != null) {
            position.set(ranked, served.usedUp());
        }
        if (stale(viewer, ranked, served.usedUp(), now)) {
            rerankLater(viewer, ranked, excluded);
        }
        return served.page();
    }

    private record Served(List<Pick> page, int usedUp) {
    }

    /** A page from the list, from {@code start} on, with the filters applied to each candidate as it is read. */
    private Served serve(Ranked ranked, int start, Viewer viewer, Predicate<String> excluded, String lastCreator,
            int size, Instant now) {
        Predicate<Listing> allowed = forYou.allowed(viewer, excluded, now);
        Shelf shelf = model.shelf();
        LazyPicks<Pick> source = new LazyPicks<>(ranked.picks.listIterator(start),
                p -> shelf.isListed(p.videoId()) && allowed.test(p.listing()) ? p : null);
        List<Pick> page = forYou.page(source, viewer, excluded, lastCreator, size, now);
        Set<String> taken = new HashSet<>();
        page.forEach(p -> taken.add(p.videoId()));
        return new Served(page, start + source.usedUp(taken));
    }

    /** Re-ranks the shared list; called after each refresh of the precomputed lists. */
    void refreshShared(Instant now) {
        Snapshot snap = model.shelf().snapshot();
        shared = new Ranked(forYou.ranked(Viewer.anonymous(null), id -> false, KEEP, now), 0, now, snap);
    }

    void close() {
        if (reranker instanceof ExecutorService pool) {
            pool.shutdownNow();
        }
    }

    /** A viewer's own taste or follows matter only once the model has learnt the stored log. */
    private boolean personal(Viewer viewer) {
        if (viewer.key() == null || !model.ready()) {
            return false;
        }
        return !model.taste(viewer.key()).isEmpty() || model.graph().followsAnyone(viewer.userId());
    }

    private Ranked shared(Instant now) {
        Ranked common = shared;
        if (common == null) {
            refreshShared(now);
            common = shared;
        }
        return common;
    }

    /**
     * {@code excluded}: what the scroll that asked has been served. Served is not seen, so without it a list ranked
     * for a viewer deep in a scroll would be largely what that scroll already showed; a later visit gets a list of
     * its own once this one is {@link #MAX_AGE} old (or serves the rest through the fallback sources until then).
     */
    private Ranked rank(Viewer viewer, Predicate<String> excluded, int keep, Instant now) {
        long version = model.taste(viewer.key()).version();
        Snapshot snap = model.shelf().snapshot();
        return new Ranked(forYou.ranked(viewer, excluded, keep, now), version, now, snap, keep);
    }

    /**
     * A very active viewer who used up a full list before it aged gets a longer one next time, so they are ranked
     * less often (each ranking costs milliseconds of CPU; serving from a list costs microseconds); a list that aged
     * first shrinks back towards {@link #KEEP}.
     */
    private static int nextKeep(Ranked old, Instant now) {
        boolean usedUpYoung = old.tasteVersion != NOT_RANKED && old.picks.size() >= old.keep
                && old.picks.size() - old.start.get() < LOW && old.rankedAt.plus(MAX_AGE).isAfter(now);
        return usedUpYoung ? Math.min(MAX_KEEP, old.keep * 2) : Math.max(KEEP, old.keep / 2);
    }

    private boolean stale(Viewer viewer, Ranked ranked, int used, Instant now) {
        boolean low = ranked.picks.size() - used < LOW && ranked.rankedAt.plus(LOW_RERANK_EVERY).isBefore(now);
        Taste taste = model.taste(viewer.key());
        // what the viewer did after the lists it was ranked from were built shows in the next lists (new videos
        // of a liked hashtag, say): rank once more when they arrive
        boolean behind = model.shelf().snapshot() != ranked.snapshot
                && taste.learntAt().isAfter(ranked.snapshot.at());
        return ranked.tasteVersion == NOT_RANKED || low || behind || taste.version() != ranked.tasteVersion
                || ranked.rankedAt.plus(MAX_AGE).isBefore(now);
    }

    private void rerankLater(Viewer viewer, Ranked old, Predicate<String> excluded) {
        if (!old.reranking.compareAndSet(false, true)) {
            return;
        }
        try {
            reranker.execute(() -> {
                try {
                    Instant now = clock.instant();
                    lists.put(viewer.key(), rank(viewer, excluded, nextKeep(old, now), now));
                } catch (RuntimeException e) {
                    log.warn("Re-ranking For You failed; the viewer keeps the previous list", e);
                    old.reranking.set(false);
                }
            });
        } catch (RejectedExecutionException e) {
            old.reranking.set(false); // the queue is full: the viewer's next request asks again
        }
    }
}
