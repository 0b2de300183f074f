package io.clipfeed.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class EncoderEffortTest {

    private final TranscodePlanner planner = new TranscodePlanner(MediaSettings.defaults());

    private static Probe clip(int width, int height, double fps, long durationMs) {
        return Probes.probe("mov,mp4,m4a,3gp,3g2,mj2", Probes.video("h264", "High", width, height, 0, fps),
                Probes.aac(), durationMs, 2_000_000);
    }

    @Test
    void aShortSmallClipGetsTheSlowestPresetAllowed() {
        // one 480x360 rung, 30 fps, 8 s: 41 megapixels, ~1 s at veryfast, ~2.6 s at slow: well inside 30 s
        assertThat(planner.effortPreset(clip(640, 480, 30, 8_000))).isEqualTo("slow");
    }

    @Test
    void longOrLargeUploadsKeepTheBasePreset() {
        // a 30 s 1080x1920 ladder (four rungs) is ~3 400 megapixels: over the budget even at veryfast
        assertThat(planner.effortPreset(clip(1080, 1920, 30, 30_000))).isEqualTo("veryfast");
        // ten minutes of 480p
        assertThat(planner.effortPreset(clip(640, 480, 30, 600_000))).isEqualTo("veryfast");
    }

    @Test
    void inBetweenTheBudgetBuysAnIntermediatePreset() {
        // 720p, three rungs, 10 s: 500 megapixels, 12.5 s at veryfast: medium (2.1×) fits 30 s, slow (2.5×) does not
        double megapixels = EncoderEffort.megapixels(planner.plan(clip(1280, 720, 30, 10_000)).rungs(), 30, 10);
        assertThat(megapixels).isBetween(450.0, 550.0);
        assertThat(planner.effortPreset(clip(1280, 720, 30, 10_000))).isEqualTo("medium");
    }

    @Test
    void aZeroBudgetOrAnUnknownPresetSwitchesEffortOff() {
        assertThat(EncoderEffort.choose("veryfast", "slow", 10, 40, Duration.ZERO)).isEqualTo("veryfast");
        assertThat(EncoderEffort.choose("veryfast", "placebo-ish", 10, 40, Duration.ofSeconds(30)))
                .isEqualTo("veryfast");
        assertThat(EncoderEffort.choose("medium", "faster", 10, 40, Duration.ofSeconds(30))).isEqualTo("medium");
    }

    @Test
    void theFullLadderIsEncodedWithTheAnalysedPresetAndTheInstantAndHevcRungsKeepTheirs() {
        var trials = java.util.List.of(new SourceAnalysis.CrfTrial(22, 0.99, 0.1),
                new SourceAnalysis.CrfTrial(30, 0.98, 0.04));
        SourceAnalysis slow = new SourceAnalysis(0.1, 360, null, trials, "slow", trials);
        Probe mpeg2 = Probes.probe("mpeg", Probes.video("mpeg2video", "Main", 1280, 720, 0, 25), null, 5_000,
                4_000_000);
        TranscodePlan plan = new TranscodePlanner(MediaSettings.withHevc()).plan(mpeg2, slow);
        assertThat(plan.rungs()).filteredOn(r -> !r.hevc()).extracting(TranscodePlan.Rung::preset)
                .containsOnly("slow");
        assertThat(plan.rungs()).filteredOn(TranscodePlan.Rung::hevc).extracting(TranscodePlan.Rung::preset)
                .containsOnly("faster");
        assertThat(((TranscodePlan.FastRung) plan.instant()).rung().preset()).isEqualTo("ultrafast");
        assertThat(planner.plan(mpeg2).rungs()).extracting(TranscodePlan.Rung::preset).containsOnly("veryfast");
    }
}
