package io.clipfeed.feed;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import io.clipfeed.platform.Ids;

/** A position in a newest-first list (time and id of the last item served) as an opaque cursor. */
record Keyset(Instant at, String videoId) {

    String encode() {
        String raw = at.toEpochMilli() + ":" + videoId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Null for no cursor; an {@link IllegalArgumentException} for anything that is not one of ours. */
    static Keyset decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            if (cursor.length() > 100) {
                throw new IllegalArgumentException("too long");
            }
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 2);
            if (parts.length != 2 || !Ids.isWellFormed(parts[1])) {
                throw new IllegalArgumentException("malformed");
            }
            return new Keyset(Instant.ofEpochMilli(Long.parseLong(parts[0])), parts[1]);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The cursor is not valid; start again without it.", e);
        }
    }

    /** The listing's place, for comparing with {@link Listing#NEWEST_FIRST}. */
    Listing asListing() {
        return new Listing(videoId, "", java.util.List.of(), at);
    }
}
