package io.clipfeed.feed;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Fills a page from ranked picks under the page rules: a share of the slots (spread evenly) goes to exploration
 * picks while there are any, never two consecutive items from one creator (also across the page boundary, through
 * {@code lastCreator}) unless asked to go on until the sources ran dry, and the fallback source is consulted only
 * when the others ran dry. Sources are read
 * lazily, so a page looks at a few dozen candidates however long the lists behind them are. Pure.
 */
final class PageAssembly {

    private PageAssembly() {
    }

    /** Candidates in order of preference. */
    interface Source {
        /** The first candidate not yet taken whose creator is not {@code lastCreator}, or null. */
        Pick first(Set<String> taken, String lastCreator);
    }

    static Source of(List<Pick> picks) {
        return (taken, lastCreator) -> {
            for (Pick p : picks) {
                if (fits(p, taken, lastCreator)) {
                    return p;
                }
            }
            return null;
        };
    }

    static boolean fits(Pick p, Set<String> taken, String lastCreator) {
        return !taken.contains(p.videoId()) && !Objects.equals(p.creatorId(), lastCreator);
    }

    static List<Pick> assemble(Source ranked, Source exploration, Source fallback, double explorationShare,
            String lastCreator, int size) {
        return assemble(ranked, exploration, fallback, explorationShare, lastCreator, size, false);
    }

    /**
     * As above; {@code untilDry} lets one creator follow themself when nothing else is left, so that the page ends
     * only when the sources ran dry (For You in a small community, where one creator may have made most videos).
     */
    static List<Pick> assemble(Source ranked, Source exploration, Source fallback, double explorationShare,
            String lastCreator, int size, boolean untilDry) {
        List<Pick> page = new ArrayList<>(size);
        Set<String> taken = new HashSet<>();
        String last = lastCreator;
        for (int i = 0; i < size; i++) {
            boolean explore = Math.floor((i + 1) * explorationShare) > Math.floor(i * explorationShare);
            Pick pick = explore ? exploration.first(taken, last) : null;
            pick = pick != null ? pick : ranked.first(taken, last);
            pick = pick != null ? pick : exploration.first(taken, last);
            pick = pick != null ? pick : fallback.first(taken, last);
            if (pick == null && untilDry && last != null) {
                pick = ranked.first(taken, null);
                pick = pick != null ? pick : exploration.first(taken, null);
                pick = pick != null ? pick : fallback.first(taken, null);
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
}
