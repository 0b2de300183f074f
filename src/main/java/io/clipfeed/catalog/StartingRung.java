package io.clipfeed.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Which progressive rung a muted start on a phone uses (pure): the smallest H.264 one whose short side is at least
 * {@value #MIN_SHORT_SIDE} px (a phone's screen width in CSS pixels; below that the picture looks soft), else the
 * largest H.264 one. H.264 because every browser decodes it. One rule for media, which cuts that rung's video-only
 * starter, and for the home page, which starts it: the starter only fits when both pick the same rung.
 */
public final class StartingRung {

    public static final int MIN_SHORT_SIDE = 360;

    private StartingRung() {
    }

    public static <T> Optional<T> pick(List<T> rungs, Function<T, String> codec, ToIntFunction<T> width,
            ToIntFunction<T> height) {
        List<T> h264 = rungs.stream().filter(r -> isH264(codec.apply(r))).toList();
        Comparator<T> bySize = Comparator.comparingInt(r -> Math.min(width.applyAsInt(r), height.applyAsInt(r)));
        return h264.stream().filter(r -> Math.min(width.applyAsInt(r), height.applyAsInt(r)) >= MIN_SHORT_SIDE)
                .min(bySize).or(() -> h264.stream().max(bySize));
    }

    /** An unknown codec counts as H.264: renditions recorded before codecs were stored were all H.264. */
    public static boolean isH264(String codec) {
        return codec == null || codec.isBlank() || codec.startsWith("avc1");
    }
}
