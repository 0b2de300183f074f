package io.clipfeed.feed;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A {@link PageAssembly.Source} over a long list that turns items into picks (or drops them: null) only as far as
 * a page needs: filters such as the seen-filter run on a few dozen items, not on the whole list. Remembers how many
 * leading items were used up (dropped, or taken into the page), so a per-viewer list can skip them next time.
 */
final class LazyPicks<T> implements PageAssembly.Source {

    private final Iterator<T> items;
    private final Function<T, Pick> resolve;
    private final List<Pick> resolved = new ArrayList<>();
    /** Position in the underlying list of each resolved pick. */
    private final List<Integer> positions = new ArrayList<>();
    private int read;

    LazyPicks(Iterator<T> items, Function<T, Pick> resolve) {
        this.items = items;
        this.resolve = resolve;
    }

    @Override
    public Pick first(Set<String> taken, String lastCreator) {
        for (Pick p : resolved) {
            if (PageAssembly.fits(p, taken, lastCreator)) {
                return p;
            }
        }
        while (items.hasNext()) {
            T item = items.next();
            read++;
            Pick p = resolve.apply(item);
            if (p != null) {
                resolved.add(p);
                positions.add(read - 1);
                if (PageAssembly.fits(p, taken, lastCreator)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** How many leading items are used up: dropped, or in {@code taken}, before the first one still available. */
    int usedUp(Set<String> taken) {
        for (int i = 0; i < resolved.size(); i++) {
            if (!taken.contains(resolved.get(i).videoId())) {
                return positions.get(i);
            }
        }
        return read;
    }
}
