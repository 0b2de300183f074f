package io.clipfeed.social;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One page of a list: {@code {items, nextCursor}}, the cursor null on the last page. */
@JsonInclude(JsonInclude.Include.ALWAYS)
record Page<T>(List<T> items, String nextCursor) {

    /**
     * Cuts rows fetched with one extra (limit + 1) into a page; the extra row's presence means there is more, and
     * the cursor is the position of the page's last item.
     */
    static <R, T> Page<T> of(List<R> rows, int limit, Function<R, Keyset> position, Function<List<R>, List<T>> map) {
        if (rows.size() <= limit) {
            return new Page<>(map.apply(rows), null);
        }
        List<R> items = rows.subList(0, limit);
        return new Page<>(map.apply(items), position.apply(items.get(limit - 1)).encode());
    }
}
