package io.clipfeed.social;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import io.clipfeed.platform.ApiProblem;
import io.clipfeed.platform.Ids;

/**
 * A position in a list (a score for "top" orders, a time and an id) as an opaque cursor. Decoding validates
 * everything: the string comes back from clients.
 */
record Keyset(long score, Instant at, String id) {

    private static final int MAX_LENGTH = 200;

    static Keyset of(Instant at, String id) {
        return new Keyset(0, at, id);
    }

    String encode() {
        String raw = score + ":" + at.getEpochSecond() + ":" + at.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Null for no cursor; a 400 problem for anything that is not one of ours. */
    static Keyset decode(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            if (value.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            String[] p = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split(":", 4);
            if (p.length != 4 || !Ids.isWellFormed(p[3])) {
                throw new IllegalArgumentException("malformed");
            }
            return new Keyset(Long.parseLong(p[0]), Instant.ofEpochSecond(Long.parseLong(p[1]), Long.parseLong(p[2])),
                    p[3]);
        } catch (RuntimeException e) {
            throw ApiProblem.badRequest("The cursor is not valid; start again without it.");
        }
    }

    /** The page size asked for, checked against the API's bounds (1–50). */
    static int limit(int limit) {
        if (limit < 1 || limit > 50) {
            throw ApiProblem.badRequest("limit must be between 1 and 50.");
        }
        return limit;
    }
}
