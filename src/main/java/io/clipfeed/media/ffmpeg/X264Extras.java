package io.clipfeed.media.ffmpeg;

import java.util.Set;

/**
 * x264 options that go with a preset, beyond what the preset itself sets. One place, so the ladder's encode, the
 * quality search's trials (which must be the rendition's bitstream) and the benchmarks' ffmpeg CLI side agree.
 */
public final class X264Extras {

    /**
     * The presets whose B-frame decision is x264's trellis search ({@code b-adapt=2}): it picks the best run of
     * B-frames for every stretch of frames, but below {@code veryslow} the presets cap that run at 3. Allowing 8
     * (veryslow's own cap) lets static and slow stretches use longer runs: at equal SSIM 2.0 / 2.5 / 9.2 % fewer
     * bytes on cup.mp4 / box.mp4 / city-cc0.mpg at {@code slow}, for encode times within ±10 %
     * ({@code bench/media/effort.sh} with {@code slow+bframes=8}, see docs/BENCHMARKS.md). Every H.264 High
     * decoder handles them; the faster presets (b-adapt 0 or 1) keep theirs.
     */
    private static final Set<String> TRELLIS_B_DECISION = Set.of("slow", "slower");
    static final int LONG_B_RUNS = 8;

    private X264Extras() {
    }

    /** The extra {@code x264-params} for {@code preset} ("key=value:…"), or "" when there are none. */
    public static String forPreset(String preset) {
        return TRELLIS_B_DECISION.contains(preset) ? "bframes=" + LONG_B_RUNS : "";
    }

    /** {@code params} with the preset's extras appended. */
    static String with(String params, String preset) {
        String extras = forPreset(preset);
        return extras.isEmpty() ? params : params + ":" + extras;
    }
}
