package io.clipfeed.feed;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Fills a page from ranked picks under the page rules: a share of the slots (spread evenly) goes to exploration
 * picks while there are any, never two consecutive items from one creator (also across the page boundary, through
 * {@code lastCreator}), and the fallback list is consulted only when the others ran dry. Pure.
 */
final class PageAssembly {

    private PageAssembly() {
    }

    static List<Pick> assemble(List<Pick> ranked, List<Pick> exploration, Supplier<List<Pick>> fallback,
            double explorationShare, String lastCreator, int size) {
        List<Pick> page = new ArrayList<>(size);
        Set<String> taken = new HashSet<>();
        String last = lastCreator;
        List<Pick> rest = null;
        for (int i = 0; i < size; i++) {
            boolean explore = Math.floor((i + 1) * explorationShare) > Math.floor(i * explorationShare);
            Pick pick = explore ? first(exploration, taken, last) : null;
            pick = pick != null ? pick : first(ranked, taken, last);
            pick = pick != null ? pick : first(exploration, taken, last);
            if (pick == null) {
                rest = rest == null ? fallback.get() : rest;
                pick = first(rest, taken, last);
            }
            if (pick == null) {
                break; // nothing left that keeps the rules
            }
            page.add(pick);
            taken.add(pick.videoId());
            last = pick.creatorId();
        }
        return page;
    }

    private static Pick first(List<Pick> picks, Set<String> taken, String lastCreator) {
        for (Pick p : picks) {
            if (!taken.contains(p.videoId()) && !Objects.equals(p.creatorId(), lastCreator)) {
                return p;
            }
        }
        return null;
    }
}
