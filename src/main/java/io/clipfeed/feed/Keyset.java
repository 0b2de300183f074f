package io.clipfeed.feed;

import java.time.Instant;

import io.clipfeed.platform.PageCursor;

/** A position in a newest-first list (time and id of the last item served); encoded by {@link PageCursor}. */
record Keyset(Instant at, String videoId) {

    String encode() {
        return PageCursor.of(at, videoId).encode();
    }

    /** Null for no cursor; a 400 problem for anything that is not one of ours. */
    static Keyset decode(String cursor) {
        PageCursor c = PageCursor.decode(cursor);
        return c == null ? null : new Keyset(c.at(), c.id());
    }

    /** The listing's place, for comparing with {@link Listing#NEWEST_FIRST}. */
    Listing asListing() {
        return new Listing(videoId, "", java.util.List.of(), at);
    }
}
