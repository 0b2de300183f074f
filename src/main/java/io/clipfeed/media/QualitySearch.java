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

    /** CRF resolution of the search: a quarter step changes x264's spend by about 3 %. */
    static final double STEP = 0.25;
    static final double MIN_CRF = 10;
    static final double MAX_CRF = 51;
    /** Furthest one step may jump from a measured CRF (the slope is an estimate). */
    static final double MAX_JUMP = 8;
    /** SSIM per CRF step when nothing better is known (about x264's slope around SSIM 0.95–0.99). */
    static final double DEFAULT_SLOPE = -0.0015;

    private QualitySearch() {
    }

    /**
     * The SSIM this rung must reach: the fixed ladder's, or {@code targetSsim} when that is higher and the
     * measurements say reaching it costs no more than the fixed ladder spends (then a better rung for fewer bits).
     */
    static double goal(SearchedRung rung, double targetSsim) {
        Measured fixed = rung.fixedLadder();
        if (targetSsim <= fixed.ssim()) {
            return fixed.ssim();
        }
        boolean affordable = rung.encodes().stream()
                .anyMatch(m -> m.ssim() >= targetSsim && m.bitrate() <= fixed.bitrate());
        boolean tooDear = rung.encodes().stream()
                .anyMatch(m -> m.ssim() <= targetSsim && m.bitrate() >= fixed.bitrate());
        if (affordable || tooDear) {
            return affordable ? targetSsim : fixed.ssim();
        }
        // not bracketed yet: the bitrate at the target, log-linear in SSIM through the two nearest encodes
        List<Measured> nearest = rung.encodes().stream()
                .sorted(Comparator.comparingDouble(m -> Math.abs(m.ssim() - targetSsim))).limit(2).toList();
        if (nearest.size() < 2 || nearest.get(0).ssim() == nearest.get(1).ssim()) {
            return fixed.ssim();
        }
        Measured a = nearest.get(0);
        Measured b = nearest.get(1);
        double share = (targetSsim - a.ssim()) / (b.ssim() - a.ssim());
        double logRate = Math.log(a.bitrate()) + share * (Math.log(b.bitrate()) - Math.log(a.bitrate()));
        return Math.exp(logRate) <= fixed.bitrate() ? targetSsim : fixed.ssim();
    }

    /** The cheapest tried CRF whose encode reached the goal; empty when none did. */
    static Optional<Measured> best(SearchedRung rung, double targetSsim) {
        double goal = goal(rung, targetSsim);
        return rung.encodes().stream().filter(m -> m.ssim() >= goal)
                .min(Comparator.comparingLong(Measured::bitrate).thenComparing(m -> -m.crf()));
    }

    /**
     * The next CRF to try, or empty when the goal is bracketed within {@link #STEP} (or cannot be bracketed inside
     * the CRF range). {@code slopeHint} is SSIM per CRF step from the sample trials, used until two whole-rung
     * encodes give a better one. Steps are whole multiples of {@link #STEP}, rounded towards the reaching side.
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
        if (reached.isPresent() && missed.isPresent()) {
            Measured lo = reached.get();
            Measured hi = missed.get();
            if (hi.crf() - lo.crf() <= STEP + 1e-9) {
                return OptionalDouble.empty();
            }
            double share = (lo.ssim() - goal) / (lo.ssim() - hi.ssim());
            crf = Math.max(lo.crf() + STEP, Math.min(hi.crf() - STEP, down(lo.crf() + share * (hi.crf() - lo.crf()))));
        } else if (reached.isPresent()) {
            Measured lo = reached.get();
            double jump = (goal - lo.ssim()) / slope(tried, slopeHint);
            crf = Math.min(MAX_CRF, lo.crf() + Math.max(STEP, Math.min(MAX_JUMP, down(jump))));
            if (lo.crf() >= MAX_CRF) {
                return OptionalDouble.empty();
            }
        } else if (missed.isPresent()) {
            Measured hi = missed.get();
            double jump = (goal - hi.ssim()) / slope(tried, slopeHint); // negative: towards lower CRFs
            crf = Math.max(MIN_CRF, hi.crf() - Math.max(STEP, Math.min(MAX_JUMP, up(-jump))));
            if (hi.crf() <= MIN_CRF) {
                return OptionalDouble.empty();
            }
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

    /** SSIM per CRF step from the sample trials (their two ends), the search's first slope estimate. */
    static double slopeHint(List<SourceAnalysis.CrfTrial> trials) {
        if (trials.size() < 2) {
            return DEFAULT_SLOPE;
        }
        SourceAnalysis.CrfTrial first = trials.stream().min(Comparator.comparingInt(SourceAnalysis.CrfTrial::crf))
                .orElseThrow();
        SourceAnalysis.CrfTrial last = trials.stream().max(Comparator.comparingInt(SourceAnalysis.CrfTrial::crf))
                .orElseThrow();
        double slope = last.crf() == first.crf() ? 0 : (last.ssim() - first.ssim()) / (last.crf() - first.crf());
        return slope < 0 ? slope : DEFAULT_SLOPE;
    }

    /** SSIM per CRF step: the secant of the two encodes tried closest together, if it falls; else the hint. */
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
                    best = (b.ssim() - a.ssim()) / (b.crf() - a.crf());
                }
            }
        }
        if (best < 0) {
            return best;
        }
        return hint < 0 ? hint : DEFAULT_SLOPE;
    }

    private static double down(double crf) {
        return Math.floor(crf / STEP + 1e-9) * STEP;
    }

    private static double up(double crf) {
        return Math.ceil(crf / STEP - 1e-9) * STEP;
    }
}
