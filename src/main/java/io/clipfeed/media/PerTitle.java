package io.clipfeed.media;

import java.util.Locale;

/**
 * Per-title rate decisions (pure): from the analysis' probe-encode bits per pixel it predicts what each rung would
 * cost at the base CRF, then picks the rung's quality target and VBV cap. The cap is the Apple HLS authoring-spec
 * bitrate for a picture of that size (lower for content that will hit it), so a rung never peaks above what a
 * fixed ladder would spend; content that is cheap to encode gets one CRF step more quality (it costs few bits),
 * everything else the base CRF, and a noisy source simply hits the cap instead of exploding.
 */
final class PerTitle {

    /** Apple HLS authoring spec (16:9, 30 fps): short side → top bitrate listed for that size, bits per second. */
    private static final int[] APPLE_SHORT_SIDES = {234, 360, 432, 540, 720, 1080};
    private static final long[] APPLE_BITRATES = {145_000, 365_000, 1_100_000, 2_000_000, 4_500_000, 7_800_000};
    /** Bits one probe-encode (x264 ultrafast) bit becomes at veryfast: 0.20–0.33 on the three sample clips. */
    static final double PRESET_FACTOR = 0.25;
    /** Predicted cost below this share of the cap counts as cheap content. */
    static final double CHEAP = 0.7;
    static final int MIN_CRF = 18;

    /** One rung's decision: quality target, VBV maxrate and buffer, and the prediction behind it. */
    record Decision(int crf, long maxBitrate, long bufferBits, long predictedBitrate) {

        String describe(String rung) {
            return String.format(Locale.ROOT, "%s crf=%d maxrate=%dk bufsize=%dk predicted=%dk", rung, crf,
                    maxBitrate / 1000, bufferBits / 1000, predictedBitrate / 1000);
        }
    }

    private PerTitle() {
    }

    /** The fixed Apple-style cap for a {@code width}×{@code height} picture at {@code fps}, scaled by pixel count. */
    static long appleBitrate(int width, int height, int fps) {
        int shortSide = Math.min(width, height);
        int i = 0;
        while (i < APPLE_SHORT_SIDES.length - 1 && APPLE_SHORT_SIDES[i] < shortSide) {
            i++;
        }
        double applePixels = APPLE_SHORT_SIDES[i] * (APPLE_SHORT_SIDES[i] * 16.0 / 9.0);
        double rate = APPLE_BITRATES[i] * (width * (double) height) / applePixels;
        return Math.round(fps > 30 ? rate * 1.5 : rate);
    }

    /** What the ladder's preset spends at the base CRF for this picture size, from the probe's bits per pixel. */
    static long predictedBitrate(SourceAnalysis analysis, int width, int height, int fps) {
        double probePixels = analysis.probeShortSide() * (analysis.probeShortSide() * 16.0 / 9.0);
        double pixels = width * (double) height;
        // bits per pixel fall as the picture grows (more redundancy per pixel): about pixels^0.75 overall
        double bits = analysis.bitsPerPixel() * Math.pow(probePixels, 0.25) * Math.pow(pixels, 0.75) * fps;
        return Math.round(bits * PRESET_FACTOR);
    }

    /**
     * Cheap content: one CRF step more quality under the fixed ladder's rate. Content the cap will bind: the base
     * CRF with maxrate lowered to about the fixed ladder's <em>average</em> (its ABR peaks at 1.1×), the more so
     * the further the prediction overshoots, because a binding VBV makes the average sit at the maxrate.
     */
    static Decision decide(SourceAnalysis analysis, int width, int height, int fps, int baseCrf) {
        long fixed = appleBitrate(width, height, fps);
        long predicted = predictedBitrate(analysis, width, height, fps);
        double load = predicted / (double) fixed;
        int crf = load < CHEAP ? Math.max(MIN_CRF, baseCrf - 1) : baseCrf;
        long cap = load < 1 ? fixed : load < 2 ? fixed * 9 / 10 : fixed * 85 / 100;
        return new Decision(crf, cap, cap * 2, predicted);
    }
}
