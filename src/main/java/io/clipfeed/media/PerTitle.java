package io.clipfeed.media;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Per-title rate decisions (pure). A rung measured by the whole-rung quality search ({@link QualitySearch}, titles
 * whose effort budget allows it) takes the CRF the search found. Otherwise, with quality trials of short samples
 * (the usual case for larger titles) each rung gets the highest CRF whose
 * measured SSIM reaches the target, under the Apple-style cap. The older heuristic, used when no trial could be
 * measured: from the analysis' probe-encode bits per pixel it predicts what each rung would
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
    /** Short trial samples spend more per frame than the whole clip (keyframes weigh more): 0.7 on the sample clips. */
    static final double TRIAL_FACTOR = 0.7;
    static final int MIN_CRF = 18;

    /** One rung's decision: quality target, VBV maxrate and buffer, and the prediction behind it. */
    record Decision(double crf, long maxBitrate, long bufferBits, long predictedBitrate) {

        String describe(String rung) {
            return String.format(Locale.ROOT, "%s crf=%s maxrate=%dk bufsize=%dk predicted=%dk", rung, crf,
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
     * Quality-targeted choice. The rung's goal is {@code targetSsim}, or the SSIM the fixed ladder would reach on
     * this rung when that is higher (predicted from the base-preset trials at the CRF whose spend equals the Apple
     * rate), so no rung is aimed below the fixed ladder's quality; how close the result comes depends on how well
     * the short trial samples stand for the clip (see docs/BENCHMARKS.md). The rung gets the highest CRF whose SSIM,
     * interpolated between the trial encodes at the title's own preset, reaches the goal, under the Apple-style
     * bitrate as the VBV ceiling. When that CRF would cost more than the ceiling, the rung aims at the fixed
     * ladder's quality alone, under the same ceiling, if the trials say that costs no more than the fixed ladder's
     * peaks (a slower preset buys it for fewer bits); failing that, it gets the base CRF and a cap at or below the
     * fixed ladder's average (its ABR peaks at 1.1×), i.e. spends what a fixed ladder spends, not more. Without
     * trials, the bits-per-pixel prediction decides. A rung whose whole-rung quality search found a CRF reaching
     * its goal ({@link QualitySearch}) takes that CRF, under the same ceiling the search encoded with.
     */
    static Decision decide(SourceAnalysis analysis, int width, int height, int fps, int baseCrf, double targetSsim) {
        SourceAnalysis.SearchedRung searched = analysis.searched(width, height);
        if (searched != null) {
            Optional<SourceAnalysis.Measured> found = QualitySearch.best(searched, targetSsim);
            if (found.isPresent()) {
                long fixed = appleBitrate(width, height, fps);
                return new Decision(found.get().crf(), fixed, fixed * 2, found.get().bitrate());
            }
        }
        List<SourceAnalysis.CrfTrial> trials = analysis.trials();
        if (sorted(trials).size() < 2) {
            return decide(analysis, width, height, fps, baseCrf);
        }
        long fixed = appleBitrate(width, height, fps);
        double fixedSsim = fixedLadderSsim(analysis, width, height, fps);
        double goal = Double.isNaN(fixedSsim) ? targetSsim : Math.max(targetSsim, fixedSsim);
        int crf = crfFor(trials, goal);
        long predicted = trialBitrate(analysis, trials, crf, width, height, fps);
        if (predicted <= fixed) {
            return new Decision(crf, fixed, fixed * 2, predicted);
        }
        if (!Double.isNaN(fixedSsim)) {
            // the fixed ladder's quality under the same ceiling: CRF steps are whole numbers, so the CRF matching it
            // at the base preset may be predicted a few per cent over the fixed rate (which its ABR exceeds by up to
            // 10 % at peaks); the ceiling then trims the peaks
            int matching = crfFor(trials, fixedSsim);
            long cost = trialBitrate(analysis, trials, matching, width, height, fps);
            if (cost <= fixed * 11 / 10) {
                return new Decision(matching, fixed, fixed * 2, cost);
            }
        }
        // as in the heuristic below: the further the base CRF overshoots, the more a binding VBV sits at its cap
        boolean farOut = trialBitrate(analysis, trials, baseCrf, width, height, fps) >= 2 * fixed;
        long cap = farOut ? fixed * 85 / 100 : fixed * 9 / 10;
        return new Decision(Math.max(crf, baseCrf), cap, cap * 2, predicted);
    }

    /**
     * The SSIM the fixed ladder (base preset, Apple rate) would reach on this rung: the base-preset trials' SSIM at
     * the CRF whose predicted spend is the Apple rate. A CRF encode distributes bits better than the fixed ladder's
     * ABR at the same average rate, so this errs high, i.e. towards spending more, never towards a worse rung.
     * NaN without two base-preset trials.
     */
    static double fixedLadderSsim(SourceAnalysis analysis, int width, int height, int fps) {
        List<SourceAnalysis.CrfTrial> base = analysis.fixedTrials();
        if (sorted(base).size() < 2) {
            return Double.NaN;
        }
        long fixed = appleBitrate(width, height, fps);
        double crf = 0;
        while (crf < 51 && trialBitrate(analysis, base, crf, width, height, fps) > fixed) {
            crf += 0.1;
        }
        return Math.min(1, interpolate(sorted(base), crf, SourceAnalysis.CrfTrial::ssim));
    }

    /** What a whole-clip encode at {@code crf} spends at the rung's size, from the trials' bits per pixel. */
    static long trialBitrate(SourceAnalysis analysis, int crf, int width, int height, int fps) {
        return trialBitrate(analysis, analysis.trials(), crf, width, height, fps);
    }

    private static long trialBitrate(SourceAnalysis analysis, List<SourceAnalysis.CrfTrial> trials, double crf,
            int width, int height, int fps) {
        double probePixels = analysis.probeShortSide() * (analysis.probeShortSide() * 16.0 / 9.0);
        double bitsPerPixel = Math.exp(interpolate(sorted(trials), crf,
                t -> Math.log(Math.max(1e-6, t.bitsPerPixel()))));
        double bits = bitsPerPixel * Math.pow(probePixels, 0.25) * Math.pow(width * (double) height, 0.75) * fps;
        return Math.round(bits * TRIAL_FACTOR);
    }

    /** Highest CRF (between {@link #MIN_CRF} and the highest trial's) whose estimated SSIM reaches the target. */
    static int crfFor(List<SourceAnalysis.CrfTrial> trials, double targetSsim) {
        List<SourceAnalysis.CrfTrial> sorted = sorted(trials);
        for (int crf = sorted.get(sorted.size() - 1).crf(); crf > MIN_CRF; crf--) {
            if (ssimAt(sorted, crf) >= targetSsim) {
                return crf;
            }
        }
        return MIN_CRF;
    }

    /** SSIM at {@code crf}: linear between the neighbouring trials, extended along the end segments beyond them. */
    static double ssimAt(List<SourceAnalysis.CrfTrial> trials, double crf) {
        return Math.min(1, interpolate(sorted(trials), crf, SourceAnalysis.CrfTrial::ssim));
    }

    /** Bits per pixel at {@code crf}: linear in the logarithm (x264's rate halves every ~6 CRF steps). */
    static double bitsPerPixelAt(List<SourceAnalysis.CrfTrial> trials, int crf) {
        return Math.exp(interpolate(sorted(trials), crf, t -> Math.log(Math.max(1e-6, t.bitsPerPixel()))));
    }

    private static double interpolate(List<SourceAnalysis.CrfTrial> sorted, double crf,
            ToDoubleFunction<SourceAnalysis.CrfTrial> value) {
        int i = 1;
        while (i < sorted.size() - 1 && sorted.get(i).crf() < crf) {
            i++;
        }
        SourceAnalysis.CrfTrial a = sorted.get(i - 1);
        SourceAnalysis.CrfTrial b = sorted.get(i);
        double share = (crf - a.crf()) / (b.crf() - a.crf());
        return value.applyAsDouble(a) + share * (value.applyAsDouble(b) - value.applyAsDouble(a));
    }

    private static List<SourceAnalysis.CrfTrial> sorted(List<SourceAnalysis.CrfTrial> trials) {
        Map<Integer, SourceAnalysis.CrfTrial> byCrf = new TreeMap<>();
        trials.forEach(t -> byCrf.putIfAbsent(t.crf(), t));
        return List.copyOf(byCrf.values());
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
