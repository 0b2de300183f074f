package io.clipfeed.catalog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import io.clipfeed.platform.Ids;

/**
 * A keyset position (creation time and id of the last video of a page) as an opaque string. Decoding validates
 * everything, since the string comes back from clients.
 */
record Cursor(Instant createdAt, String id) {

    static final int MAX_LENGTH = 200;

    String encode() {
        String raw = createdAt.getEpochSecond() + ":" + createdAt.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Null for a null cursor; an {@link IllegalArgumentException} for anything that is not one of ours. */
    static Cursor decode(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            if (value.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split(":", 3);
            if (parts.length != 3 || !Ids.isWellFormed(parts[2])) {
                throw new IllegalArgumentException("malformed");
            }
            return new Cursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])), parts[2]);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The cursor is not valid; start again without it.", e);
        }
    }
}
