package io.clipfeed.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.clipfeed.media.ffmpeg.ComplexityProbe;

/** The per-title analysis on real clips: trials measure SSIM and spend, and the plan follows the target. */
class PerTitleTrialsIT {

    private final ComplexityProbe analysis = new ComplexityProbe();
    private final TranscodePlanner planner = new TranscodePlanner(MediaSettings.defaults());

    @Test
    void higherCrfTrialsSpendLessAndReachLowerSsimAndEasyContentGetsAHigherCrf() {
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

        TranscodePlan.Rung cupRung = planner.plan(MediaInspector.probe(cup), analysed(easy)).rungs().get(0);
        TranscodePlan.Rung cityRung = planner.plan(MediaInspector.probe(city), analysed(hard)).rungs().get(0);
        assertThat(cupRung.crf()).isGreaterThan(MediaSettings.defaults().crf());
        assertThat(cityRung.maxBitrate()).isLessThan(
                TranscodePlanner.fixedLadderBitrate(cityRung.width(), cityRung.height(), 25));
    }

    private static SourceAnalysis analysed(List<SourceAnalysis.CrfTrial> trials) {
        return new SourceAnalysis(trials.get(0).bitsPerPixel(), ComplexityProbe.SHORT_SIDE, null, trials);
    }
}
