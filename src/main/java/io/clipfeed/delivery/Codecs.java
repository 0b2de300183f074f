package io.clipfeed.delivery;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Codec families as clients name them ({@code avc1}, {@code hvc1}, {@code av01}, {@code vp09}), whatever spelling a
 * rendition or a client uses ({@code h264}, {@code avc1.64001f}, {@code hev1}, {@code hevc}, {@code av1}, ...).
 */
final class Codecs {

    static final String AVC = "avc1";
    static final String HEVC = "hvc1";
    static final String AV1 = "av01";
    static final String VP9 = "vp09";
    /** Most efficient first: at the same height a client gets the family that needs the fewest bits. */
    static final List<String> PREFERENCE = List.of(AV1, HEVC, VP9, AVC);

    private Codecs() {
    }

    static Optional<String> family(String codec) {
        if (codec == null || codec.isBlank()) {
            return Optional.empty();
        }
        String c = codec.trim().toLowerCase(Locale.ROOT);
        if (c.startsWith("avc") || c.equals("h264") || c.equals("h.264") || c.equals("x264")) {
            return Optional.of(AVC);
        }
        if (c.startsWith("hvc") || c.startsWith("hev") || c.equals("h265") || c.equals("h.265")
                || c.equals("x265")) {
            return Optional.of(HEVC);
        }
        if (c.startsWith("av01") || c.equals("av1")) {
            return Optional.of(AV1);
        }
        if (c.startsWith("vp09") || c.equals("vp9")) {
            return Optional.of(VP9);
        }
        return Optional.empty();
    }

    static int rank(String family) {
        int i = PREFERENCE.indexOf(family);
        return i < 0 ? PREFERENCE.size() : i;
    }
}
