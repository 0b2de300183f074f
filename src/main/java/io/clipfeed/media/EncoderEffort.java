package io.clipfeed.media;

import java.time.Duration;
import java.util.List;

/**
 * Per-title encoder effort (pure): x264's slower presets spend the same bits better (more reference frames,
 * better motion search and mode decisions, trellis quantisation, longer lookahead), which pays off most where the
 * encode is cheap anyway. From a title's output pixels (all rungs' width × height × fps × duration) and this
 * machine's throughput at {@code veryfast}, the slowest preset up to the configured maximum whose predicted
 * encode time stays within the budget is chosen; long or large uploads keep the base preset, so the budget also
 * bounds how much later a short clip's full ladder is ready.
 */
final class EncoderEffort {

    /** x264 presets from fastest to slowest, and each one's encode time relative to veryfast (see COSTS). */
    static final List<String> PRESETS = List.of("ultrafast", "superfast", "veryfast", "faster", "fast", "medium",
            "slow", "slower", "veryslow");
    /**
     * Encode time relative to veryfast. Measured with {@code bench/media/effort.sh} on cup.mp4's 360p rung (a CRF
     * sweep per preset, Debian's x264): faster not measured, fast 1.79, medium 2.03, slow 2.31, slower 3.82, on a
     * shared machine (load 10–14) and a short clip whose decode and process start weigh; rounded up here because on
     * larger pictures x264's share, and so the preset's cost, grows. ultrafast, superfast and veryslow are rough.
     */
    static final double[] COSTS = {0.5, 0.7, 1.0, 1.3, 1.8, 2.1, 2.5, 4.0, 8.0};

    private EncoderEffort() {
    }

    /**
     * The preset for a title whose ladder has {@code megapixels} of output in total: the slowest from
     * {@code basePreset} up to {@code maxPreset} predicted to encode within {@code budget}; {@code basePreset} when
     * even the next one would not fit, when either preset is not x264's, or when the budget is zero.
     */
    static String choose(String basePreset, String maxPreset, double megapixels, int megapixelsPerSecond,
            Duration budget) {
        int base = PRESETS.indexOf(basePreset);
        int max = PRESETS.indexOf(maxPreset);
        if (base < 0 || max <= base || budget.isZero() || budget.isNegative() || !(megapixels > 0)) {
            return basePreset;
        }
        double budgetSeconds = budget.toMillis() / 1000.0;
        String chosen = basePreset;
        for (int i = base + 1; i <= max; i++) {
            if (seconds(megapixels, megapixelsPerSecond, i) > budgetSeconds) {
                break;
            }
            chosen = PRESETS.get(i);
        }
        return chosen;
    }

    /**
     * At most this many whole-rung search passes: the first (two guesses from the samples) usually brackets the
     * goal or lands within a few CRF steps of it, each further one narrows the bracket by interpolation; on the
     * sample clips five or six reach {@link QualitySearch#STEP}.
     */
    static final int MAX_SEARCH_PASSES = 6;

    /**
     * How many whole-rung quality search passes ({@link QualitySearch}) fit in {@code budget} next to the final
     * encode at {@code preset}: the first pass also encodes the fixed ladder's reference at {@code basePreset}, every
     * pass encodes the title's rungs once at {@code preset}. 0 (no search) when fewer than two passes fit, since a
     * single guess brackets nothing; so long or large uploads, which keep the base preset, are never searched.
     */
    static int searchPasses(String basePreset, String preset, double megapixels, int megapixelsPerSecond,
            Duration budget) {
        int base = PRESETS.indexOf(basePreset);
        int chosen = PRESETS.indexOf(preset);
        if (base < 0 || chosen < 0 || budget.isZero() || budget.isNegative() || !(megapixels > 0)) {
            return 0;
        }
        double pass = seconds(megapixels, megapixelsPerSecond, chosen);
        double left = budget.toMillis() / 1000.0 - pass - seconds(megapixels, megapixelsPerSecond, base);
        int passes = (int) Math.min(MAX_SEARCH_PASSES, Math.floor(left / pass));
        return passes < 2 ? 0 : passes;
    }

    /** Predicted encode time of {@code megapixels} at preset index {@code preset}. */
    static double seconds(double megapixels, int megapixelsPerSecond, int preset) {
        return megapixels / megapixelsPerSecond * COSTS[preset];
    }

    /** Output megapixels of a ladder: every rung's picture, every frame, the whole clip. */
    static double megapixels(List<TranscodePlan.Rung> rungs, int fps, double seconds) {
        double pixels = 0;
        for (TranscodePlan.Rung r : rungs) {
            pixels += (double) r.width() * r.height();
        }
        return pixels * fps * seconds / 1e6;
    }
}
