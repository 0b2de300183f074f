package io.clipfeed.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.clipfeed.media.TranscodePlan.Rung;

class TranscodePlannerTest {

    private final TranscodePlanner planner = new TranscodePlanner(MediaSettings.defaults());

    private static java.util.List<Rung> h264(TranscodePlan plan) {
        return plan.rungs().stream().filter(r -> !r.hevc()).toList();
    }

    @Test
    void portraitFullHdGetsFourPortraitRungsByShortSide() {
        TranscodePlan plan = planner.plan(Probes.h264Aac(1080, 1920, 30));
        assertThat(h264(plan)).extracting(Rung::width, Rung::height)
                .containsExactly(tuple(360, 640), tuple(540, 960), tuple(720, 1280), tuple(1080, 1920));
    }

    @Test
    void neverUpscales() {
        TranscodePlan plan = planner.plan(Probes.h264Aac(640, 480, 30));
        assertThat(h264(plan)).extracting(Rung::width, Rung::height).containsExactly(tuple(480, 360));
    }

    @Test
    void tinySourcesKeepOneEvenSizedRung() {
        TranscodePlan plan = planner.plan(Probes.h264Aac(175, 99, 30));
        assertThat(new TranscodePlanner(MediaSettings.withHevc()).plan(Probes.h264Aac(175, 99, 30)).rungs())
                .noneMatch(Rung::hevc);
        assertThat(h264(plan)).singleElement().satisfies(r -> {
            assertThat(r.height()).isEqualTo(98);
            assertThat(r.width() % 2).isZero();
        });
    }

    @Test
    void rotationTurnsALandscapeFrameIntoPortraitRungs() {
        Probe rotated = Probes.probe("mov,mp4,m4a,3gp,3g2,mj2", Probes.video("h264", "High", 1280, 720, 90, 30),
                Probes.aac(), 5_000, 3_000_000);
        TranscodePlan plan = planner.plan(rotated);
        assertThat(plan.rotation()).isEqualTo(90);
        assertThat(h264(plan)).extracting(Rung::width, Rung::height)
                .containsExactly(tuple(360, 640), tuple(540, 960), tuple(720, 1280));
    }

    @Test
    void nonSquarePixelsAreMadeSquare() {
        Probe.VideoTrack anamorphic = new Probe.VideoTrack("mpeg2video", "Main", "yuv420p", 720, 576, 0, 16, 11,
                25, false, 0, true);
        TranscodePlan plan = planner.plan(Probes.probe("mpeg", anamorphic, null, 5_000, 6_000_000));
        assertThat(h264(plan)).extracting(Rung::width, Rung::height)
                .containsExactly(tuple(654, 360), tuple(982, 540));
    }

    @Test
    void variableFrameRateBecomesTheNextStandardRateWithTwoSecondGops() {
        TranscodePlan plan = planner.plan(Probes.h264Aac(640, 480, 26.8));
        assertThat(plan.fps()).isEqualTo(30);
        assertThat(plan.gopFrames()).isEqualTo(60);
        assertThat(plan.segmentSeconds()).isEqualTo(2);
    }

    @Test
    void keepsFilmAndPalRates() {
        assertThat(TranscodePlanner.constantFrameRate(23.976)).isEqualTo(24);
        assertThat(TranscodePlanner.constantFrameRate(25)).isEqualTo(25);
        assertThat(TranscodePlanner.constantFrameRate(59.94)).isEqualTo(60);
        assertThat(TranscodePlanner.constantFrameRate(240)).isEqualTo(60);
        assertThat(TranscodePlanner.constantFrameRate(Double.NaN)).isEqualTo(30);
    }

    @Test
    void audioIsAacStereo48kOrAbsentForSilentSources() {
        assertThat(planner.plan(Probes.h264Aac(640, 480, 30)).audio())
                .isEqualTo(new TranscodePlan.AudioPlan("aac", 48_000, 2, 128_000, -14, null));
        Probe silent = Probes.probe("mpeg", Probes.video("mpeg2video", "Main", 720, 405, 0, 25), null, 7_000,
                4_000_000);
        assertThat(planner.plan(silent).audio()).isNull();
    }

    @Test
    void h264AacMp4IsRemuxedForInstantPublish() {
        assertThat(planner.plan(Probes.h264Aac(1080, 1920, 30)).instant()).isInstanceOf(TranscodePlan.Remux.class);
    }

    @Test
    void mp3AudioLegacyCodecsOversizeOrOverBitrateSourcesGetAFastLowRung() {
        Probe mp3 = Probes.probe("mov,mp4,m4a,3gp,3g2,mj2", Probes.video("h264", "High", 640, 480, 0, 30),
                new Probe.AudioTrack("mp3", 44_100, 1), 15_000, 1_000_000);
        Probe mpeg2 = Probes.probe("mpeg", Probes.video("mpeg2video", "Main", 720, 405, 0, 25), null, 7_000,
                4_000_000);
        Probe uhd = Probes.h264Aac(2160, 3840, 30);
        Probe flood = Probes.probe("mov,mp4,m4a,3gp,3g2,mj2", Probes.video("h264", "High", 1080, 1920, 0, 30),
                Probes.aac(), 10_000, 80_000_000);
        for (Probe probe : new Probe[] {mp3, mpeg2, uhd, flood}) {
            assertThat(planner.plan(probe).instant()).isInstanceOf(TranscodePlan.FastRung.class);
        }
    }

    @Test
    void theFastRungIsAt540pOrBelowWithTheInstantPreset() {
        TranscodePlan plan = planner.plan(Probes.h264Aac(2160, 3840, 30));
        TranscodePlan.FastRung fast = (TranscodePlan.FastRung) plan.instant();
        assertThat(fast.rung().width()).isEqualTo(540);
        assertThat(fast.rung().height()).isEqualTo(960);
        assertThat(fast.rung().preset()).isEqualTo("ultrafast");
    }

    @Test
    void highFrameRatesGetHigherBitrateCaps() {
        long cap30 = planner.plan(Probes.h264Aac(720, 1280, 30)).rungs().get(2).maxBitrate();
        long cap60 = planner.plan(Probes.h264Aac(720, 1280, 60)).rungs().get(2).maxBitrate();
        assertThat(cap60).isEqualTo(cap30 * 3 / 2);
    }

    /** Trials shaped like the shared clips' 360p measurements (veryfast): SSIM falls as the CRF grows. */
    private static final List<SourceAnalysis.CrfTrial> EASY = List.of(new SourceAnalysis.CrfTrial(20, 0.993, 0.20),
            new SourceAnalysis.CrfTrial(26, 0.988, 0.10), new SourceAnalysis.CrfTrial(32, 0.980, 0.05));
    private static final List<SourceAnalysis.CrfTrial> HARD = List.of(new SourceAnalysis.CrfTrial(20, 0.984, 1.2),
            new SourceAnalysis.CrfTrial(26, 0.971, 0.6), new SourceAnalysis.CrfTrial(32, 0.950, 0.3));

    @Test
    void theHighestCrfThatReachesTheTargetSsimIsChosen() {
        assertThat(PerTitle.crfFor(EASY, 0.98)).isEqualTo(32);
        assertThat(PerTitle.crfFor(EASY, 0.985)).isEqualTo(28); // 0.988 − 2/6 × 0.008 = 0.9853
        assertThat(PerTitle.crfFor(HARD, 0.975)).isEqualTo(24); // between the 20 and 26 trials
        assertThat(PerTitle.crfFor(HARD, 0.99)).isEqualTo(PerTitle.MIN_CRF); // out of reach: best allowed quality
        assertThat(PerTitle.ssimAt(EASY, 23)).isCloseTo(0.9905, within(1e-9));
        assertThat(PerTitle.bitsPerPixelAt(EASY, 23)).isCloseTo(Math.sqrt(0.2 * 0.1), within(1e-9));
    }

    @Test
    void perTitleUsesTheTargetSsimFromSettingsUnderTheAppleCapAsACeilingOrSpendsTheFixedAverage() {
        SourceAnalysis easy = new SourceAnalysis(0.2, 360, null, EASY);
        TranscodePlan plan = planner.plan(Probes.h264Aac(1080, 1920, 30), easy);
        // the target (0.98) is below what the Apple rates buy on this easy content, so each rung aims at the fixed
        // ladder's predicted SSIM instead: 0.9847 at 360p, above 0.99 from 540p up (Apple's rates jump there), and
        // the larger rungs reach the lowest CRF allowed
        assertThat(plan.rungs()).filteredOn(r -> !r.hevc()).extracting(Rung::crf).containsExactly(28.0, 19.0, 18.0, 18.0);
        assertThat(plan.rungs()).filteredOn(r -> !r.hevc()).extracting(Rung::maxBitrate)
                .containsExactly(365_000L, 2_000_000L, 4_500_000L, 7_800_000L);
        MediaSettings strict = new MediaSettings(Duration.ofMinutes(10), 4096, 9_437_184L, 23, "veryfast",
                "ultrafast", Duration.ofMinutes(15), 3, false, 1, "faster", -14, 0.975, Duration.ofSeconds(30), 40,
                "slow");
        TranscodePlan hard = new TranscodePlanner(strict).plan(Probes.h264Aac(640, 480, 30),
                new SourceAnalysis(1.2, 360, null, HARD));
        long fixed = TranscodePlanner.fixedLadderBitrate(480, 360, 30);
        // CRF 24 would cost far more than the fixed ladder's rate: the target is out of reach under the ceiling,
        // so the rung spends about the fixed ladder's average instead of hitting the ceiling all the time
        assertThat(PerTitle.trialBitrate(new SourceAnalysis(1.2, 360, null, HARD), 24, 480, 360, 30))
                .isGreaterThan(fixed);
        assertThat(hard.rungs()).singleElement().satisfies(r -> {
            assertThat(r.crf()).isEqualTo(24);
            assertThat(r.maxBitrate()).isEqualTo(fixed * 85 / 100); // even the base CRF costs over twice the cap
        });
        assertThat(planner.plan(Probes.h264Aac(640, 480, 30), new SourceAnalysis(1.2, 360, null, HARD)).rungs())
                .singleElement().extracting(Rung::crf).isEqualTo(23.0); // target 0.98 → CRF 18, raised to the base
        // box.mp4's trials: 0.98 is out of reach under the ceiling; the fixed ladder's quality (0.9733 predicted)
        // is not quite (CRF 23 is predicted 6 % over the fixed rate, inside its ABR's peaks): it gets CRF 23 under
        // the Apple rate as ceiling
        assertThat(PerTitle.decide(new SourceAnalysis(0.086, 360, null, BOX), 480, 360, 30, 23, 0.98))
                .extracting(PerTitle.Decision::crf, PerTitle.Decision::maxBitrate)
                .containsExactly(23.0, fixed);
    }

    /** box.mp4's 360p trials at veryfast. */
    private static final List<SourceAnalysis.CrfTrial> BOX = List.of(new SourceAnalysis.CrfTrial(22, 0.978, 0.086),
            new SourceAnalysis.CrfTrial(30, 0.953, 0.028));

    @Test
    void noRungAimsBelowTheQualityTheFixedLadderWouldReach() {
        SourceAnalysis easy = new SourceAnalysis(0.2, 360, null, EASY);
        // 365 kbit/s at 640x360 buys CRF ~28.5 on these trials, i.e. SSIM ~0.9847: above the 0.98 target
        double fixedSsim = PerTitle.fixedLadderSsim(easy, 640, 360, 30);
        assertThat(fixedSsim).isCloseTo(0.9847, within(0.0005));
        PerTitle.Decision decision = PerTitle.decide(easy, 640, 360, 30, 23, 0.98);
        assertThat(decision.crf()).isEqualTo(28);
        assertThat(PerTitle.ssimAt(EASY, decision.crf())).isGreaterThanOrEqualTo(fixedSsim);
        // a lower target changes nothing: the fixed ladder's quality is the floor
        assertThat(PerTitle.decide(easy, 640, 360, 30, 23, 0.95).crf()).isEqualTo(28);
        // without that floor the target alone would have allowed CRF 32
        assertThat(PerTitle.crfFor(EASY, 0.98)).isEqualTo(32);
    }

    @Test
    void theFixedLadderIsPredictedFromTheBasePresetTrialsAndTheRungFromItsOwnPresetsTrials() {
        // a slower preset reaches the same SSIM for about a fifth fewer bits
        List<SourceAnalysis.CrfTrial> slow = List.of(new SourceAnalysis.CrfTrial(22, 0.980, 0.068),
                new SourceAnalysis.CrfTrial(30, 0.957, 0.022));
        SourceAnalysis withEffort = new SourceAnalysis(0.068, 360, null, slow, "slow", BOX);
        long fixed = TranscodePlanner.fixedLadderBitrate(480, 360, 30);
        assertThat(PerTitle.fixedLadderSsim(withEffort, 480, 360, 30))
                .isEqualTo(PerTitle.fixedLadderSsim(new SourceAnalysis(0.086, 360, null, BOX), 480, 360, 30))
                .isCloseTo(0.9733, within(0.0005));
        // at veryfast 0.98 cost too much (above); with the slower preset it fits under the ceiling
        assertThat(PerTitle.decide(withEffort, 480, 360, 30, 23, 0.98))
                .extracting(PerTitle.Decision::crf, PerTitle.Decision::maxBitrate).containsExactly(22.0, fixed);
        // where even the slower preset cannot reach the target, it matches the fixed ladder's quality for less
        List<SourceAnalysis.CrfTrial> harder = List.of(new SourceAnalysis.CrfTrial(22, 0.979, 0.075),
                new SourceAnalysis.CrfTrial(30, 0.955, 0.024));
        PerTitle.Decision matched = PerTitle.decide(new SourceAnalysis(0.075, 360, null, harder, "slow", BOX), 480,
                360, 30, 23, 0.98);
        assertThat(matched.crf()).isEqualTo(23);
        assertThat(PerTitle.ssimAt(harder, 23)).isGreaterThanOrEqualTo(0.9733);
        assertThat(matched.predictedBitrate()).isLessThan(fixed)
                .isLessThan(PerTitle.trialBitrate(new SourceAnalysis(0.086, 360, null, BOX), 23, 480, 360, 30));
    }

    @Test
    void withoutTwoTrialsTheBitsPerPixelPredictionStillDecides() {
        SourceAnalysis one = new SourceAnalysis(0.03, 360, null, List.of(new SourceAnalysis.CrfTrial(23, 0.9, 0.03)));
        assertThat(planner.plan(Probes.h264Aac(1080, 1920, 30), one).rungs()).extracting(Rung::crf).containsOnly(22.0);
    }

    @Test
    void cheapContentGetsOneCrfStepMoreQualityUnderTheAppleCap() {
        SourceAnalysis talkingHead = new SourceAnalysis(0.03, 360, null);
        TranscodePlan plan = planner.plan(Probes.h264Aac(1080, 1920, 30), talkingHead);
        assertThat(plan.rungs()).filteredOn(r -> !r.hevc()).extracting(Rung::crf).containsOnly(22.0);
        assertThat(plan.rungs()).filteredOn(r -> !r.hevc()).extracting(Rung::maxBitrate)
                .containsExactly(365_000L, 2_000_000L, 4_500_000L, 7_800_000L);
        assertThat(plan.rungs()).allSatisfy(r -> assertThat(r.bufferBits()).isEqualTo(2 * r.maxBitrate()));
    }

    @Test
    void contentThatWillHitTheCapKeepsTheBaseCrfUnderALowerCap() {
        SourceAnalysis grain = new SourceAnalysis(1.0, 360, null);
        assertThat(PerTitle.predictedBitrate(grain, 1080, 1920, 30)).isBetween(7_800_000L, 15_600_000L);
        TranscodePlan plan = planner.plan(Probes.h264Aac(1080, 1920, 30), grain);
        assertThat(plan.rungs()).filteredOn(r -> !r.hevc()).extracting(Rung::crf).containsOnly(23.0);
        assertThat(plan.rungs()).filteredOn(r -> !r.hevc()).last().extracting(Rung::maxBitrate)
                .isEqualTo(7_800_000L * 9 / 10);
        SourceAnalysis confetti = new SourceAnalysis(3.0, 360, null);
        assertThat(PerTitle.decide(confetti, 1080, 1920, 30, 23).maxBitrate()).isEqualTo(7_800_000L * 85 / 100);
    }

    @Test
    void theTopRungIsAlsoOfferedAsHevcWithAHigherCrfAndASmallerCap() {
        TranscodePlan plan = new TranscodePlanner(MediaSettings.withHevc()).plan(Probes.h264Aac(1080, 1920, 30),
                new SourceAnalysis(1.0, 360, null));
        assertThat(plan.rungs()).filteredOn(Rung::hevc).singleElement().satisfies(r -> {
            assertThat(r.width()).isEqualTo(1080);
            assertThat(r.height()).isEqualTo(1920);
            assertThat(r.profile()).isEqualTo("main");
            assertThat(r.crf()).isEqualTo(23 + TranscodePlanner.HEVC_CRF_OFFSET);
            assertThat(r.maxBitrate()).isEqualTo(7_800_000L * 9 / 10 * 7 / 10);
        });
        assertThat(new TranscodePlanner(MediaSettings.defaults()).plan(Probes.h264Aac(1080, 1920, 30)).rungs()).noneMatch(Rung::hevc);
    }

    @Test
    void theInstantRungIsConstrainedBaselineH264WithTheInstantPreset() {
        Probe mpeg2 = Probes.probe("mpeg", Probes.video("mpeg2video", "Main", 1920, 1080, 0, 25), null, 7_000,
                8_000_000);
        TranscodePlan plan = planner.plan(mpeg2);
        assertThat(plan.instant()).isInstanceOfSatisfying(TranscodePlan.FastRung.class, fast -> {
            assertThat(fast.rung().codec()).isEqualTo(TranscodePlan.H264);
            assertThat(fast.rung().profile()).isEqualTo("baseline");
            assertThat(fast.rung().preset()).isEqualTo("ultrafast");
            assertThat(fast.rung().height()).isEqualTo(540);
        });
    }

    @Test
    void hdrSourcesAreToneMappedAndNeverRemuxed() {
        Probe.VideoTrack pq = new Probe.VideoTrack("h264", "High", "yuv420p", 1080, 1920, 0, 1, 1, 30, false, 0,
                true, "smpte2084");
        Probe hdr = Probes.probe("mov,mp4,m4a,3gp,3g2,mj2", pq, Probes.aac(), 10_000, 2_000_000);
        TranscodePlan plan = planner.plan(hdr);
        assertThat(plan.toneMap()).isEqualTo("smpte2084");
        assertThat(plan.instant()).isInstanceOf(TranscodePlan.FastRung.class);
        assertThat(planner.plan(Probes.h264Aac(1080, 1920, 30)).toneMap()).isNull();
    }

    @Test
    void measuredLoudnessMakesTheNormalisationTwoPass() {
        TranscodePlan.Loudness quiet = new TranscodePlan.Loudness(-31.5, 2.0, -20.0);
        TranscodePlan plan = planner.plan(Probes.h264Aac(640, 480, 30), new SourceAnalysis(0.1, 360, quiet));
        assertThat(plan.audio().measured()).isEqualTo(quiet);
        assertThat(plan.audio().targetLufs()).isEqualTo(-14);
        assertThat(planner.plan(Probes.h264Aac(640, 480, 30)).audio().measured()).isNull();
    }

    @Test
    void appleBitratesAreScaledByPixelsAndFrameRate() {
        assertThat(PerTitle.appleBitrate(640, 360, 30)).isEqualTo(365_000L);
        assertThat(PerTitle.appleBitrate(480, 360, 30)).isEqualTo(273_750L);
        assertThat(PerTitle.appleBitrate(1080, 1920, 60)).isEqualTo(11_700_000L);
    }
}
