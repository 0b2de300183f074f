package io.clipfeed.media;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import io.clipfeed.media.SourceAnalysis.Measured;
import io.clipfeed.media.SourceAnalysis.SearchedRung;

/**
 * Per-title quality search on whole rungs (pure). Short trial samples predict a clip's quality only roughly (the
 * fixed ladder's SSIM on city-cc0.mpg: 0.911 predicted, 0.942 real), so for titles small enough the rung itself is
 * measured: the fixed ladder's own encode of it gives the quality to match, and CRFs at the title's preset are
 * tried, each step aimed where the measurements so far say that quality lies, until two tried CRFs a {@link #STEP}
 * apart bracket it. The rung then takes the cheapest tried CRF that reached the goal: a quality measured on the
 * whole rung, not predicted.
 */
final class QualitySearch {

    /** CRF resolution of the search: an eighth of a step changes x264's spend by about 1.3 %. */
    static final double STEP = 0.125;
    /**
     * SSIM a rung must exceed the fixed ladder's measured SSIM by: the same encode measured by the ffmpeg tool
     * (another decoder of the source, another build) differs by up to 2.3e-5 on the sample clips, and a rung must
     * not fall below the fixed ladder however it is measured.
     */
    static final double MARGIN = 0.00005;
    static final double MIN_CRF = 10;
    static final double MAX_CRF = 51;
    /** Furthest one step may jump from a measured CRF (the slope is an estimate). */
    static final double MAX_JUMP = 8;
    /** Growth of {@link #loss} per CRF step when nothing better is known (x264 at SSIM 0.94–0.99: 0.05–0.1). */
    static final double DEFAULT_SLOPE = 0.07;

    private QualitySearch() {
    }

    /**
     * The SSIM this rung must reach: the fixed ladder's (plus {@link #MARGIN}), or {@code targetSsim} when that is
     * higher and the measurements say reaching it costs no more than the fixed ladder spends (then a better rung for
     * fewer bits).
     */
    static double goal(SearchedRung rung, double targetSsim) {
        Measured fixed = rung.fixedLadder();
        double floor = fixed.ssim() + MARGIN;
        if (targetSsim <= floor) {
            return floor;
        }
        boolean affordable = rung.encodes().stream()
                .anyMatch(m -> m.ssim() >= targetSsim && m.bitrate() <= fixed.bitrate());
        boolean tooDear = rung.encodes().stream()
                .anyMatch(m -> m.ssim() <= targetSsim && m.bitrate() >= fixed.bitrate());
        if (affordable || tooDear) {
            return affordable ? targetSsim : floor;
        }
        // not bracketed yet: the bitrate at the target, log-linear in SSIM through the two nearest encodes
        List<Measured> nearest = rung.encodes().stream()
                .sorted(Comparator.comparingDouble(m -> Math.abs(m.ssim() - targetSsim))).limit(2).toList();
        if (nearest.size() < 2 || nearest.get(0).ssim() == nearest.get(1).ssim()) {
            return floor;
        }
        Measured a = nearest.get(0);
        Measured b = nearest.get(1);
        double share = (targetSsim - a.ssim()) / (b.ssim() - a.ssim());
        double logRate = Math.log(a.bitrate()) + share * (Math.log(b.bitrate()) - Math.log(a.bitrate()));
        return Math.exp(logRate) <= fixed.bitrate() ? targetSsim : floor;
    }

    /** The cheapest tried CRF whose encode reached the goal; empty when none did. */
    static Optional<Measured> best(SearchedRung rung, double targetSsim) {
        double goal = goal(rung, targetSsim);
        return rung.encodes().stream().filter(m -> m.ssim() >= goal)
                .min(Comparator.comparingLong(Measured::bitrate).thenComparing(m -> -m.crf()));
    }

    /**
     * The next CRF to try, or empty when the goal is bracketed within {@link #STEP} (or cannot be bracketed inside
     * the CRF range). Between a reaching and a missing encode, interpolated in {@link #loss}; beyond them, along
     * {@link #slope} ({@code slopeHint} from the sample trials until two whole-rung encodes give a usable one), at
     * most {@link #MAX_JUMP}. Steps are whole multiples of {@link #STEP}, rounded towards the reaching side.
     */
    static OptionalDouble next(SearchedRung rung, double targetSsim, double slopeHint) {
        double goal = goal(rung, targetSsim);
        List<Measured> tried = rung.encodes();
        Optional<Measured> reached = tried.stream().filter(m -> m.ssim() >= goal)
                .max(Comparator.comparingDouble(Measured::crf));
        Optional<Measured> missed = tried.stream().filter(m -> m.ssim() < goal)
                .filter(m -> reached.isEmpty() || m.crf() > reached.get().crf())
                .min(Comparator.comparingDouble(Measured::crf));
        double crf;
        double target = loss(goal);
        if (reached.isPresent() && missed.isPresent()) {
            Measured lo = reached.get();
            Measured hi = missed.get();
            if (hi.crf() - lo.crf() <= STEP + 1e-9) {
                return OptionalDouble.empty();
            }
            double share = (target - loss(lo.ssim())) / (loss(hi.ssim()) - loss(lo.ssim()));
            crf = Math.max(lo.crf() + STEP, Math.min(hi.crf() - STEP, down(lo.crf() + share * (hi.crf() - lo.crf()))));
        } else if (reached.isPresent()) {
            Measured lo = reached.get();
            if (lo.crf() >= MAX_CRF) {
                return OptionalDouble.empty();
            }
            double jump = (target - loss(lo.ssim())) / slope(tried, slopeHint);
            crf = Math.min(MAX_CRF, lo.crf() + Math.max(STEP, Math.min(MAX_JUMP, down(jump))));
        } else if (missed.isPresent()) {
            Measured hi = missed.get();
            if (hi.crf() <= MIN_CRF) {
                return OptionalDouble.empty();
            }
            double jump = (loss(hi.ssim()) - target) / slope(tried, slopeHint); // how far down
            crf = Math.max(MIN_CRF, hi.crf() - Math.max(STEP, Math.min(MAX_JUMP, up(jump))));
        } else {
            return OptionalDouble.empty();
        }
        double chosen = crf;
        return tried.stream().anyMatch(m -> m.crf() == chosen) ? OptionalDouble.empty() : OptionalDouble.of(crf);
    }

    /**
     * The fixed ladder's encode of {@code rung}, the search's reference: the base preset in ABR mode at the Apple rate
     * ({@link #fixedLadderBitrate}), peaks up to 1.1× it, a buffer of 2× it, as bench/media/pertitle.sh's fixed side.
     */
    static TranscodePlan.Rung fixedLadderRung(TranscodePlan.Rung rung, String basePreset, int fps) {
        long fixed = fixedLadderBitrate(rung, fps);
        return new TranscodePlan.Rung(rung.name(), rung.codec(), rung.width(), rung.height(), rung.crf(),
                fixed * 11 / 10, fixed * 2, basePreset, rung.profile());
    }

    static long fixedLadderBitrate(TranscodePlan.Rung rung, int fps) {
        return PerTitle.appleBitrate(rung.width(), rung.height(), fps);
    }

    /** {@code rung} at {@code crf} under the ceiling a searched rung keeps (the Apple rate, buffer 2×). */
    static TranscodePlan.Rung candidate(TranscodePlan.Rung rung, double crf, int fps) {
        long fixed = fixedLadderBitrate(rung, fps);
        return new TranscodePlan.Rung(rung.name(), rung.codec(), rung.width(), rung.height(), crf, fixed, fixed * 2,
                rung.preset(), rung.profile());
    }

    /**
     * The first CRF to try on a rung: where the title's sample trials reach the SSIM the samples predict for the
     * fixed ladder. Both sides of that comparison are the samples, so their bias against the whole clip largely
     * cancels (city-cc0.mpg: the samples put the fixed ladder at 0.911, the whole rung is at 0.942, yet the
     * matching CRF lands near the whole rung's). {@code fallback} when the samples cannot predict the fixed ladder.
     */
    static double firstGuess(SourceAnalysis analysis, int width, int height, int fps, double fallback) {
        double fixedSsim = PerTitle.fixedLadderSsim(analysis, width, height, fps);
        if (Double.isNaN(fixedSsim) || analysis.trials().size() < 2) {
            return fallback;
        }
        int crf = (int) MAX_CRF - 6;
        while (crf > MIN_CRF && PerTitle.ssimAt(analysis.trials(), crf) < fixedSsim) {
            crf--;
        }
        return crf;
    }

    /**
     * The CRFs the first pass tries on a rung: {@link #firstGuess}, and the samples' own decision for the rung
     * ({@code rung.crf()}) when it is at least a step away, since either may be the closer one (cup.mp4: 19 and 23
     * for a crossing at 23.7; city-cc0.mpg: 34 and 23 for 33.8): two encodes also measure the slope at once.
     */
    static List<Double> firstGuesses(SourceAnalysis sampled, TranscodePlan.Rung rung, int fps) {
        double guess = firstGuess(sampled, rung.width(), rung.height(), fps, rung.crf());
        return Math.abs(guess - rung.crf()) >= 1 ? List.of(guess, rung.crf()) : List.of(guess);
    }

    /** {@link #slope} from the sample trials (their two ends), the search's first estimate. */
    static double slopeHint(List<SourceAnalysis.CrfTrial> trials) {
        if (trials.size() < 2) {
            return DEFAULT_SLOPE;
        }
        SourceAnalysis.CrfTrial first = trials.stream().min(Comparator.comparingInt(SourceAnalysis.CrfTrial::crf))
                .orElseThrow();
        SourceAnalysis.CrfTrial last = trials.stream().max(Comparator.comparingInt(SourceAnalysis.CrfTrial::crf))
                .orElseThrow();
        double slope = last.crf() == first.crf() ? 0
                : (loss(last.ssim()) - loss(first.ssim())) / (last.crf() - first.crf());
        return slope > 0 ? slope : DEFAULT_SLOPE;
    }

    /**
     * How fast quality falls per CRF step, as the growth of {@link #loss} (close to linear in CRF over x264's
     * useful range, where SSIM itself flattens towards 1): the secant of the two encodes tried closest together,
     * unless it is under half the hint's (a VBV-capped encode or noise flattens it; trusting it would overshoot).
     */
    static double slope(List<Measured> tried, double hint) {
        double best = Double.NaN;
        double span = Double.MAX_VALUE;
        for (int i = 0; i < tried.size(); i++) {
            for (int j = i + 1; j < tried.size(); j++) {
                Measured a = tried.get(i);
                Measured b = tried.get(j);
                double d = Math.abs(b.crf() - a.crf());
                if (d > 0 && d < span) {
                    span = d;
                    best = (loss(b.ssim()) - loss(a.ssim())) / (b.crf() - a.crf());
                }
            }
        }
        double fallback = hint > 0 ? hint : DEFAULT_SLOPE;
        return best >= fallback / 2 ? best : fallback;
    }

    /** ln(1 − SSIM): the quality lost, on a scale where each CRF step costs about the same. */
    static double loss(double ssim) {
        return Math.log(Math.max(1e-6, 1 - ssim));
    }

    private static double down(double crf) {
        return Math.floor(crf / STEP + 1e-9) * STEP;
    }

    private static double up(double crf) {
        return Math.ceil(crf / STEP - 1e-9) * STEP;
    }
}
