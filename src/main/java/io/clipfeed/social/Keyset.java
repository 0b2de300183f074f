package io.clipfeed.social;

import java.time.Instant;

import io.clipfeed.platform.ApiProblem;
import io.clipfeed.platform.PageCursor;

/** A position in a list (a score for "top" orders, a time and an id); encoded by {@link PageCursor}. */
record Keyset(long score, Instant at, String id) {

    static Keyset of(Instant at, String id) {
        return new Keyset(0, at, id);
    }

    String encode() {
        return new PageCursor(score, at, id).encode();
    }

    /** Null for no cursor; a 400 problem for anything that is not one of ours. */
    static Keyset decode(String value) {
        PageCursor c = PageCursor.decode(value);
        return c == null ? null : new Keyset(c.score(), c.at(), c.id());
    }

    /** The page size asked for, checked against the API's bounds (1–50). */
    static int limit(int limit) {
        if (limit < 1 || limit > 50) {
            throw ApiProblem.badRequest("limit must be between 1 and 50.");
        }
        return limit;
    }
}
