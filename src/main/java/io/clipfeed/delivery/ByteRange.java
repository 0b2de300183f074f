package io.clipfeed.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a {@code Range} header asks of a representation of a known length (RFC 9110 §14). The choices this server
 * makes where the RFC leaves room:
 * <ul>
 * <li>a header that is not valid {@code bytes} syntax (or names another unit, or has a range whose last position is
 * before its first) is ignored: the whole representation, 200 — never an error;</li>
 * <li>several satisfiable ranges are answered with the whole representation (200) rather than
 * {@code multipart/byteranges}: players never ask for them, and it avoids amplification by overlapping ranges;</li>
 * <li>when no range is satisfiable the answer is 416 with {@code Content-Range: bytes *}{@code /length}.</li>
 * </ul>
 */
sealed interface ByteRange {

    int MAX_HEADER_CHARS = 1024;
    int MAX_RANGES = 32;

    /** The whole representation (no header, an ignored header, or several ranges). */
    record Whole() implements ByteRange {
    }

    /** One part: {@code first} to {@code last} inclusive. */
    record Part(long first, long last) implements ByteRange {
        long length() {
            return last - first + 1;
        }
    }

    record Unsatisfiable() implements ByteRange {
    }

    static ByteRange of(String header, long length) {
        if (header == null || header.length() > MAX_HEADER_CHARS) {
            return new Whole();
        }
        String trimmed = header.trim();
        if (trimmed.length() < 6 || !trimmed.regionMatches(true, 0, "bytes=", 0, 6)) {
            return new Whole();
        }
        List<Part> satisfiable = new ArrayList<>();
        int specs = 0;
        for (String element : trimmed.substring(6).split(",", -1)) {
            String spec = element.strip();
            if (spec.isEmpty()) {
                continue;
            }
            if (++specs > MAX_RANGES) {
                return new Whole();
            }
            Spec parsed = Spec.parse(spec);
            if (parsed == null) {
                return new Whole();
            }
            parsed.resolve(length).ifPresent(satisfiable::add);
        }
        if (specs == 0) {
            return new Whole();
        }
        return switch (satisfiable.size()) {
            case 0 -> new Unsatisfiable();
            case 1 -> satisfiable.get(0);
            default -> new Whole();
        };
    }

    /** One byte-range-spec: {@code first-last}, {@code first-} or {@code -suffix}; -1 marks an absent number. */
    record Spec(long first, long last, long suffix) {

        private static final Pattern SYNTAX = Pattern.compile("(\\d*)-(\\d*)");

        static Spec parse(String spec) {
            Matcher m = SYNTAX.matcher(spec);
            if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
                return null;
            }
            if (m.group(1).isEmpty()) {
                return new Spec(-1, -1, number(m.group(2)));
            }
            long first = number(m.group(1));
            long last = m.group(2).isEmpty() ? -1 : number(m.group(2));
            return last >= 0 && last < first ? null : new Spec(first, last, -1);
        }

        /** Digits beyond what a long holds mean "past any real length": saturate instead of failing. */
        private static long number(String digits) {
            return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
        }

        java.util.Optional<Part> resolve(long length) {
            if (suffix >= 0) {
                return suffix == 0 || length == 0 ? java.util.Optional.empty()
                        : java.util.Optional.of(new Part(Math.max(0, length - suffix), length - 1));
            }
            if (first >= length) {
                return java.util.Optional.empty();
            }
            long end = last < 0 ? length - 1 : Math.min(last, length - 1);
            return java.util.Optional.of(new Part(first, end));
        }
    }
}
