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
 * <li>two to {@value #MAX_RANGES} satisfiable ranges that do not overlap are answered 206 with
 * {@code multipart/byteranges} (RFC 9110 §14.6), one part per range in the order asked;</li>
 * <li>more than {@value #MAX_RANGES} ranges, or satisfiable ranges that overlap, are answered with the whole
 * representation (200), as §14.2 allows: so a header cannot make the server send the same bytes many times over;</li>
 * <li>ranges that are not satisfiable are dropped from a list that has others; one left is answered as a single
 * part (206 with {@code Content-Range}, no multipart);</li>
 * <li>when no range is satisfiable the answer is 416 with {@code Content-Range: bytes *}{@code /length}.</li>
 * </ul>
 */
sealed interface ByteRange {

    int MAX_HEADER_CHARS = 1024;
    int MAX_RANGES = 16;

    /** The whole representation (no header, an ignored header, too many or overlapping ranges). */
    record Whole() implements ByteRange {
    }

    /** One part: {@code first} to {@code last} inclusive. */
    record Part(long first, long last) implements ByteRange {
        long length() {
            return last - first + 1;
        }
    }

    /** Several parts that do not overlap, in the order asked: a {@code multipart/byteranges} answer. */
    record Parts(List<Part> parts) implements ByteRange {
        public Parts {
            parts = List.copyOf(parts);
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
            default -> overlapping(satisfiable) ? new Whole() : new Parts(satisfiable);
        };
    }

    private static boolean overlapping(List<Part> parts) {
        List<Part> sorted = parts.stream().sorted(java.util.Comparator.comparingLong(Part::first)).toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).first() <= sorted.get(i - 1).last()) {
                return true;
            }
        }
        return false;
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
