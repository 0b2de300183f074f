package io.clipfeed.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.clipfeed.media.ffmpeg.ComplexityProbe;

/** The per-title analysis on real clips: trials measure SSIM and spend, and the plan follows the target. */
@io.clipfeed.DatabaseFree
class PerTitleTrialsIT {

    private final ComplexityProbe analysis = new ComplexityProbe();
    private final TranscodePlanner planner = new TranscodePlanner(MediaSettings.defaults());

    @Test
    void higherCrfTrialsSpendLessAndReachLowerSsimAndHardContentSpendsNoMoreThanTheFixedLadder() {
        Path cup = LadderTranscoderIT.shared("cup.mp4");
        Path city = LadderTranscoderIT.shared("city-cc0.mpg");
        List<SourceAnalysis.CrfTrial> easy = analysis.trials(cup, "veryfast", ComplexityProbe.TRIAL_CRFS);
        List<SourceAnalysis.CrfTrial> hard = analysis.trials(city, "veryfast", ComplexityProbe.TRIAL_CRFS);

        for (List<SourceAnalysis.CrfTrial> trials : List.of(easy, hard)) {
            assertThat(trials).extracting(SourceAnalysis.CrfTrial::crf).isEqualTo(ComplexityProbe.TRIAL_CRFS);
            assertThat(trials).allSatisfy(t -> assertThat(t.ssim()).isBetween(0.5, 1.0));
            SourceAnalysis.CrfTrial best = trials.get(0);
            SourceAnalysis.CrfTrial cheapest = trials.get(trials.size() - 1);
            assertThat(best.ssim()).isGreaterThan(cheapest.ssim());
            assertThat(best.bitsPerPixel()).isGreaterThan(cheapest.bitsPerPixel() * 2);
        }
        assertThat(easy.get(0).ssim()).isGreaterThan(hard.get(0).ssim());

        TranscodePlan.Rung cityRung = planner.plan(MediaInspector.probe(city), analysed(hard)).rungs().get(0);
        assertThat(cityRung.maxBitrate()).isLessThanOrEqualTo(
                TranscodePlanner.fixedLadderBitrate(cityRung.width(), cityRung.height(), 25));
    }

    @Test
    void aShortClipIsAnalysedAndEncodedAtItsSlowerPresetAndAimsNoLowerThanTheFixedLadder() {
        Path cup = LadderTranscoderIT.shared("cup.mp4");
        Probe probe = MediaInspector.probe(cup);
        String preset = planner.effortPreset(probe);
        assertThat(preset).isEqualTo("slow"); // 8 s of one 480x360 rung: far inside the effort budget
        Map<String, List<SourceAnalysis.CrfTrial>> trials = analysis.trials(cup, List.of(preset, "veryfast"),
                ComplexityProbe.TRIAL_CRFS);
        List<SourceAnalysis.CrfTrial> slow = trials.get("slow");
        List<SourceAnalysis.CrfTrial> veryfast = trials.get("veryfast");
        // the same CRF buys more quality at the slower preset (the bytes at equal SSIM are bench/media/effort.sh's)
        for (int i = 0; i < ComplexityProbe.TRIAL_CRFS.size(); i++) {
            assertThat(slow.get(i).ssim()).isGreaterThan(veryfast.get(i).ssim());
        }

        SourceAnalysis analysed = new SourceAnalysis(slow.get(0).bitsPerPixel(), ComplexityProbe.SHORT_SIDE, null,
                slow, preset, veryfast);
        TranscodePlan.Rung rung = planner.plan(probe, analysed).rungs().get(0);
        assertThat(rung.preset()).isEqualTo("slow");
        long fixed = TranscodePlanner.fixedLadderBitrate(rung.width(), rung.height(), 30);
        assertThat(rung.maxBitrate()).isLessThanOrEqualTo(fixed);
        double floor = Math.max(MediaSettings.defaults().targetSsim(),
                PerTitle.fixedLadderSsim(analysed, rung.width(), rung.height(), 30));
        // the rung reaches the floor, or the trials say that would cost more than the fixed ladder may spend (then
        // it spends about what the fixed ladder spends)
        if (PerTitle.ssimAt(slow, rung.crf()) < floor) {
            assertThat(PerTitle.trialBitrate(analysed, PerTitle.crfFor(slow, floor), rung.width(), rung.height(), 30))
                    .isGreaterThan(fixed * 11 / 10);
        }
    }

    private static SourceAnalysis analysed(List<SourceAnalysis.CrfTrial> trials) {
        return new SourceAnalysis(trials.get(0).bitsPerPixel(), ComplexityProbe.SHORT_SIDE, null, trials);
    }
}
