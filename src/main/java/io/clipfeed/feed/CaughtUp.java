package io.clipfeed.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What For You serves once nothing fresh is left for the viewer, so that the feed never runs dry while anything is
 * listed: first what they watched (or liked) least recently ({@link Reason.Kind#REWATCH}), then every other listed
 * video, trending first and then newest ({@link Reason.Kind#CAUGHT_UP}). A scroll that got such items stays caught
 * up; when it has been served every listed video, it starts another cycle through them. A page never repeats a
 * video, and keeps "never one creator twice in a row" as long as the videos left allow it: a small community may
 * have too few creators for that, and a short page would end its feed sooner. Reads only the in-memory model.
 */
final class CaughtUp {

    private final FeedModel model;

    CaughtUp(FeedModel model) {
        this.model = model;
    }

    /**
     * The page: {@code fresh} (For You's own picks for the scroll) completed to {@code size} with caught-up items
     * when it is short, marking the scroll caught up (and starting its next cycle) as needed.
     */
    List<Pick> complete(List<Pick> fresh, Viewer viewer, FeedSessions.Scroll scroll, int size, Instant now) {
        if (fresh.size() >= size) {
            return fresh;
        }
        List<Pick> page = new ArrayList<>(fresh);
        Set<String> taken = new HashSet<>();
        page.forEach(p -> taken.add(p.videoId()));
        fill(page, taken, source(viewer, scroll::served, now), scroll.lastCreator(), size);
        if (page.size() < size && scroll.servedAny()) {
            // every listed video was served in this cycle: start the next one (this page still repeats nothing)
            scroll.restartCycle();
            fill(page, taken, source(viewer, id -> false, now), scroll.lastCreator(), size);
        }
        if (page.size() > fresh.size()) {
            scroll.markCaughtUp();
        }
        return page;
    }

    /** The caught-up candidates not {@code excluded}, in order: seen least recently, then trending, then newest. */
    PageAssembly.Source source(Viewer viewer, Predicate<String> excluded, Instant now) {
        Shelf shelf = model.shelf();
        Snapshot snap = shelf.snapshot();
        Predicate<String> hidden = model.graph().hiddenFor(viewer.userId());
        List<String> seen = model.seenLeastRecentFirst(viewer.key(), now);
        Set<String> rewatch = new HashSet<>(seen);
        Set<String> offered = new HashSet<>();
        Reason again = Reason.of(Reason.Kind.REWATCH);
        Reason popular = Reason.of(Reason.Kind.CAUGHT_UP);
        Iterator<String> ids = Stream.of(seen, snap.trending(), snap.newest()).flatMap(List::stream).iterator();
        return new LazyPicks<>(ids, id -> !offered.add(id) || excluded.test(id) ? null : shelf.find(id)
                .filter(l -> !hidden.test(l.creatorId()))
                .map(l -> new Pick(l, rewatch.contains(id) ? again : popular)).orElse(null));
    }

    /**
     * Adds picks from {@code source} until the page is full: one creator twice in a row only when nothing else
     * is left.
     */
    private static void fill(List<Pick> page, Set<String> taken, PageAssembly.Source source, String lastCreator,
            int size) {
        String last = page.isEmpty() ? lastCreator : page.get(page.size() - 1).creatorId();
        while (page.size() < size) {
            Pick pick = source.first(taken, last);
            pick = pick != null ? pick : source.first(taken, null);
            if (pick == null) {
                return;
            }
            page.add(pick);
            taken.add(pick.videoId());
            last = pick.creatorId();
        }
    }
}
