package io.clipfeed.catalog;

import java.time.Instant;

import io.clipfeed.platform.PageCursor;

/** A keyset position in a list of videos (creation time and id of the last video of a page); see {@link PageCursor}. */
record Cursor(Instant createdAt, String id) {

    String encode() {
        return PageCursor.of(createdAt, id).encode();
    }

    /** Null for a null cursor; a 400 problem for anything that is not one of ours. */
    static Cursor decode(String value) {
        PageCursor c = PageCursor.decode(value);
        return c == null ? null : new Cursor(c.at(), c.id());
    }
}
