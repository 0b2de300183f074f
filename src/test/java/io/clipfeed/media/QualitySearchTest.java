package io.clipfeed.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;

import io.clipfeed.media.SourceAnalysis.Measured;
import io.clipfeed.media.SourceAnalysis.SearchedRung;

class QualitySearchTest {

    /** The fixed ladder's encode of a 480x360 rung: SSIM 0.9758 at 273 kbit/s (box.mp4's, measured). */
    private static final Measured FIXED = new Measured(Double.NaN, 0.9758, 273_000);

    private static SearchedRung rung(Measured... encodes) {
        return new SearchedRung(480, 360, FIXED, List.of(encodes));
    }

    /** A clip's whole-rung behaviour at the title's preset: SSIM falls and bitrate halves every 6 CRF steps. */
    private static final DoubleUnaryOperator SSIM = crf -> 0.992 - 0.0011 * (crf - 20)
            - 0.00004 * (crf - 20) * (crf - 20);
    private static final DoubleUnaryOperator RATE = crf -> 600_000 * Math.pow(2, -(crf - 20) / 6);

    private static Measured encode(double crf) {
        return new Measured(crf, SSIM.applyAsDouble(crf), Math.round(RATE.applyAsDouble(crf)));
    }

    @Test
    void theGoalIsTheFixedLaddersMeasuredQualityUnlessTheTargetIsHigherAndAffordable() {
        // target below the fixed ladder's quality: the fixed ladder's quality (and a hair) is the floor
        double floor = 0.9758 + QualitySearch.MARGIN;
        assertThat(QualitySearch.goal(rung(encode(25)), 0.95)).isEqualTo(floor);
        // 0.98 is reached at CRF 22 for 475 kbit/s, more than the fixed ladder spends: only its quality is aimed at
        assertThat(QualitySearch.goal(rung(encode(22)), 0.98)).isEqualTo(floor);
        // a cheaper encode reaching 0.98 makes the target affordable
        SearchedRung cheap = new SearchedRung(480, 360, FIXED, List.of(new Measured(26, 0.981, 200_000)));
        assertThat(QualitySearch.goal(cheap, 0.98)).isEqualTo(0.98);
        // not yet bracketed: estimated log-linearly from the two nearest encodes (0.98 at ~26.9 costs ~191k)
        SearchedRung estimated = new SearchedRung(480, 360, FIXED, List.of(new Measured(24, 0.985, 300_000),
                new Measured(28, 0.978, 160_000)));
        assertThat(QualitySearch.goal(estimated, 0.98)).isEqualTo(0.98);
        // one encode below the target and cheaper than the fixed ladder says nothing about the cost: floor only
        assertThat(QualitySearch.goal(rung(new Measured(30, 0.970, 120_000)), 0.98)).isEqualTo(floor);
    }

    @Test
    void fromOneEncodeTheNextCrfFollowsTheSlopeInEighthStepsTowardsTheGoal() {
        // CRF 25 reaches 0.9855 (above 0.97585): ln(1 - SSIM) must grow from -4.234 to -3.723, at 0.07 per step
        // 7.29 steps, rounded down to 7.25
        assertThat(QualitySearch.next(rung(encode(25)), 0.95, 0.07)).hasValue(32.25);
        // CRF 33 reaches 0.97094 (below): down by 2.65 steps, rounded to 2.75 (towards reaching the goal)
        assertThat(QualitySearch.next(rung(encode(33)), 0.95, 0.07)).hasValue(30.25);
        // far off: one step jumps at most MAX_JUMP
        assertThat(QualitySearch.next(rung(encode(12)), 0.95, 0.001)).hasValue(12 + QualitySearch.MAX_JUMP);
    }

    @Test
    void aBracketIsNarrowedByInterpolationAndTheSearchStopsWithinAQuarterStep() {
        // 26 reaches the goal, 32 does not: interpolated in ln(1 - SSIM), tried at 30.625 (the crossing is at 30.6)
        OptionalDouble between = QualitySearch.next(rung(encode(26), encode(32)), 0.95, 0.07);
        assertThat(between).hasValue(30.625);
        // bracketed by 30.5 and 30.625: done
        double goal = FIXED.ssim() + QualitySearch.MARGIN;
        assertThat(encode(30.5).ssim()).isGreaterThan(goal);
        assertThat(encode(30.625).ssim()).isLessThan(goal);
        assertThat(QualitySearch.next(rung(encode(30.5), encode(30.625)), 0.95, 0.07)).isEmpty();
    }

    @Test
    void theRungTakesTheCheapestEncodeThatReachedTheGoalAndNoneIfNoneDid() {
        assertThat(QualitySearch.best(rung(encode(24), encode(27), encode(30), encode(33)), 0.95))
                .hasValue(encode(30));
        assertThat(QualitySearch.best(rung(encode(31), encode(33)), 0.95)).isEmpty();
    }

    @Test
    void theSearchFindsTheHighestEighthStepCrfReachingTheFixedLaddersQuality() {
        // the true crossing of 0.9758 on this model is at CRF ~30.6; the samples' guess was CRF 23
        SearchedRung searched = rung(encode(23));
        for (int pass = 1; pass < EncoderEffort.MAX_SEARCH_PASSES; pass++) {
            OptionalDouble next = QualitySearch.next(searched, 0.95, 0.06);
            if (next.isEmpty()) {
                break;
            }
            searched = searched.with(encode(next.getAsDouble()));
        }
        Measured chosen = QualitySearch.best(searched, 0.95).orElseThrow();
        assertThat(chosen.ssim()).isGreaterThanOrEqualTo(FIXED.ssim());
        double crossing = 20;
        while (SSIM.applyAsDouble(crossing + 0.01) >= FIXED.ssim()) {
            crossing += 0.01;
        }
        assertThat(chosen.crf()).isCloseTo(crossing, within(QualitySearch.STEP)).isLessThanOrEqualTo(crossing);
        assertThat(searched.encodes()).hasSizeLessThanOrEqualTo(4);
        // and it spends less than the fixed ladder for that quality
        assertThat(chosen.bitrate()).isLessThan(FIXED.bitrate());
    }

    @Test
    void theFirstGuessIsWhereTheTitlesSamplesMatchTheFixedLaddersPredictedQuality() {
        List<SourceAnalysis.CrfTrial> slow = List.of(new SourceAnalysis.CrfTrial(22, 0.980, 0.068),
                new SourceAnalysis.CrfTrial(30, 0.957, 0.022));
        List<SourceAnalysis.CrfTrial> veryfast = List.of(new SourceAnalysis.CrfTrial(22, 0.978, 0.086),
                new SourceAnalysis.CrfTrial(30, 0.953, 0.028));
        SourceAnalysis analysis = new SourceAnalysis(0.068, 360, null, slow, "slow", veryfast);
        // the samples put the fixed ladder (veryfast at 273 kbit/s) at SSIM 0.9733; slow reaches that up to CRF 24.3
        assertThat(PerTitle.fixedLadderSsim(analysis, 480, 360, 30)).isCloseTo(0.9733, within(0.0005));
        assertThat(QualitySearch.firstGuess(analysis, 480, 360, 30, 23)).isEqualTo(24);
        // without two trials the samples predict nothing: the fallback
        SourceAnalysis none = new SourceAnalysis(0.1, 360, null, List.of(), "slow", List.of());
        assertThat(QualitySearch.firstGuess(none, 480, 360, 30, 23)).isEqualTo(23);
    }

    @Test
    void theSearchedCrfDecidesTheRungUnderTheAppleRateAsCeiling() {
        List<SourceAnalysis.CrfTrial> trials = List.of(new SourceAnalysis.CrfTrial(22, 0.98, 0.07),
                new SourceAnalysis.CrfTrial(30, 0.955, 0.02));
        // 0.98 (the target) would cost more than the fixed ladder (CRF 27 reaches only 0.979 at 285k): the goal is
        // the fixed ladder's 0.9758, first reached at 28.5
        SourceAnalysis analysis = new SourceAnalysis(0.07, 360, null, trials, "slow", trials)
                .withSearches(List.of(rung(new Measured(23, 0.9845, 390_000), new Measured(27, 0.9790, 285_000),
                        new Measured(28.5, 0.9768, 250_000), new Measured(29, 0.9752, 238_000))));
        PerTitle.Decision d = PerTitle.decide(analysis, 480, 360, 30, 23, 0.98);
        long fixed = TranscodePlanner.fixedLadderBitrate(480, 360, 30);
        assertThat(d.crf()).isEqualTo(28.5);
        assertThat(d.maxBitrate()).isEqualTo(fixed);
        assertThat(d.bufferBits()).isEqualTo(2 * fixed);
        // a rung of another size was not searched: the samples decide it as before
        assertThat(PerTitle.decide(analysis, 640, 360, 30, 23, 0.98))
                .isEqualTo(PerTitle.decide(new SourceAnalysis(0.07, 360, null, trials, "slow", trials), 640, 360,
                        30, 23, 0.98));
        // the planner passes the fractional CRF on, and the record says why
        TranscodePlan plan = new TranscodePlanner(MediaSettings.defaults()).plan(Probes.h264Aac(640, 480, 30),
                analysis);
        assertThat(plan.rungs()).singleElement().satisfies(r -> {
            assertThat(r.crf()).isEqualTo(28.5);
            assertThat(r.crfText()).isEqualTo("28.5");
            assertThat(r.preset()).isEqualTo("slow");
        });
        assertThat(SourceAnalyses.describe(plan, analysis)).contains("crf=28.5 maxrate=" + fixed / 1000 + "k")
                .contains("search 480x360: fixed ladder ssim=0.9758 at 273k; tried crf=23 ssim=");
    }

    @Test
    void shortSmallTitlesGetSearchPassesWithinTheBudgetLongOrLargeOnesNone() {
        TranscodePlanner planner = new TranscodePlanner(MediaSettings.defaults());
        // 8 s of one 480x360 rung: ~41 megapixels, ~2.6 s per pass at slow
        Probe cup = Probes.probe("mov,mp4,m4a,3gp,3g2,mj2", Probes.video("h264", "High", 640, 480, 0, 30),
                Probes.aac(), 8_000, 2_000_000);
        assertThat(planner.searchPasses(cup, planner.effortPreset(cup))).isEqualTo(EncoderEffort.MAX_SEARCH_PASSES);
        Probe large = Probes.probe("mov,mp4,m4a,3gp,3g2,mj2", Probes.video("h264", "High", 1080, 1920, 0, 30),
                Probes.aac(), 30_000, 8_000_000);
        assertThat(planner.searchPasses(large, planner.effortPreset(large))).isZero();
        // 720p, 10 s gets medium; the final encode alone (~26 s) leaves no room for a search
        Probe mid = Probes.probe("mov,mp4,m4a,3gp,3g2,mj2", Probes.video("h264", "High", 1280, 720, 0, 30),
                Probes.aac(), 10_000, 4_000_000);
        assertThat(planner.searchPasses(mid, planner.effortPreset(mid))).isZero();
        // one pass fitting next to the final encode and the reference is no search
        assertThat(EncoderEffort.searchPasses("veryfast", "veryfast", 20, 40, Duration.ofMillis(1500))).isZero();
        // 16 megapixels: 1 s per pass at slow, 0.4 s for the reference, 1 s for the final encode: 2 passes in 4 s
        assertThat(EncoderEffort.searchPasses("veryfast", "slow", 16, 40, Duration.ofSeconds(4))).isEqualTo(2);
        assertThat(EncoderEffort.searchPasses("veryfast", "slow", 16, 40, Duration.ZERO)).isZero();
    }
}
