package io.clipfeed.delivery;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The conditional headers of a media request (RFC 9110 §13) against a representation whose strong entity tag is
 * its SHA-256. Unparseable values are treated as absent (If-None-Match, If-Modified-Since) or as not matching
 * (If-Range: the whole representation is sent), which is always safe.
 */
final class Preconditions {

    static final int MAX_HEADER_CHARS = 1024;
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.US);

    private Preconditions() {
    }

    /** True when the client's copy is current: answer 304. */
    static boolean notModified(String ifNoneMatch, String ifModifiedSince, String etag, Instant lastModified) {
        if (ifNoneMatch != null) {
            return ifNoneMatch.length() <= MAX_HEADER_CHARS && anyTagMatches(ifNoneMatch, etag);
        }
        return httpDate(ifModifiedSince).map(since -> !lastModified.isAfter(since)).orElse(false);
    }

    /** True when a Range may be honoured: no If-Range, or one naming exactly this representation. */
    static boolean rangeApplies(String ifRange, String etag, Instant lastModified) {
        if (ifRange == null) {
            return true;
        }
        String value = ifRange.trim();
        if (value.startsWith("\"") || value.startsWith("W/")) {
            return value.equals(etag); // strong comparison: a weak tag never matches
        }
        return httpDate(value).map(date -> date.equals(lastModified)).orElse(false);
    }

    /** Weak comparison over a list of entity tags, as If-None-Match requires. */
    private static boolean anyTagMatches(String header, String etag) {
        String opaque = opaque(etag);
        for (String candidate : header.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || opaque(tag).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    static Optional<Instant> httpDate(String value) {
        if (value == null || value.length() > 64) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** IMF-fixdate (two-digit day, GMT), the form HTTP senders must use. */
    static String httpDate(Instant instant) {
        return IMF_FIXDATE.format(instant.atZone(ZoneOffset.UTC));
    }
}
