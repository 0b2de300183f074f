package io.clipfeed.platform;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The one codec of keyset cursors ({@code ?cursor=} → {@code nextCursor}): a position in a list — a score for
 * "top" orders (0 otherwise), a time and an id — as an opaque URL-safe string. Cursors come back from clients, so
 * decoding checks everything, and anything that is not one of ours is a 400 problem on every route.
 */
public record PageCursor(long score, Instant at, String id) {

    private static final int MAX_LENGTH = 200;
    private static final String INVALID = "The cursor is not valid; start again without it.";

    public static PageCursor of(Instant at, String id) {
        return new PageCursor(0, at, id);
    }

    public String encode() {
        String raw = score + ":" + at.getEpochSecond() + ":" + at.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Null for no cursor; an {@link ApiProblem} (400) for anything that is not one of ours. */
    public static PageCursor decode(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_LENGTH) {
            throw ApiProblem.badRequest(INVALID);
        }
        try {
            String[] p = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split(":", 4);
            if (p.length != 4 || !Ids.isWellFormed(p[3])) {
                throw ApiProblem.badRequest(INVALID);
            }
            long nanos = Long.parseLong(p[2]);
            if (nanos < 0 || nanos > 999_999_999) {
                throw ApiProblem.badRequest(INVALID); // only what encode() writes
            }
            return new PageCursor(Long.parseLong(p[0]), Instant.ofEpochSecond(Long.parseLong(p[1]), nanos), p[3]);
        } catch (IllegalArgumentException | java.time.DateTimeException | ArithmeticException e) {
            throw ApiProblem.badRequest(INVALID);
        }
    }
}
