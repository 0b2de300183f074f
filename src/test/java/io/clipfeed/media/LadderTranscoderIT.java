package io.clipfeed.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.clipfeed.media.ffmpeg.LadderTranscoder;

/** The ladder encoder against real camera clips: outputs are checked by probing them like a player would. */
@io.clipfeed.DatabaseFree
class LadderTranscoderIT {

    @TempDir
    Path dir;

    private final TranscodePlanner planner = new TranscodePlanner(MediaSettings.defaults());

    static Path shared(String name) {
        return io.clipfeed.SampleClips.path(name);
    }

    @Test
    void variableFrameRatePhoneClipBecomesConstantRateH264WithAlignedTwoSecondKeyframes() throws Exception {
        Path source = shared("cup.mp4");
        Probe probe = MediaInspector.probe(source);
        TranscodePlan plan = planner.plan(probe);
        List<LadderTranscoder.EncodedRung> rungs = new LadderTranscoder().transcode(source, plan, plan.rungs(), dir,
                () -> false, p -> { });

        assertThat(rungs).filteredOn(r -> !r.rung().hevc()).hasSize(1);
        Path mp4 = rungs.get(0).mp4();
        Probe out = MediaInspector.probe(mp4);
        assertThat(out.video().codec()).isEqualTo("h264");
        assertThat(out.video().profile()).isEqualTo("High");
        assertThat(out.video().width()).isEqualTo(480);
        assertThat(out.video().height()).isEqualTo(360);
        assertThat(out.audio().codec()).isEqualTo("aac");
        assertThat(out.audio().sampleRate()).isEqualTo(48_000);
        assertThat(out.audio().channels()).isEqualTo(2);
        assertThat(out.durationMs()).isCloseTo(probe.durationMs(), within(150L));
        MediaInspector.Packets packets = MediaInspector.packets(mp4);
        // constant 30 fps: one frame every 1/30 s from the first to the last
        assertThat(packets.videoPackets()).isEqualTo((int) Math.round(packets.lastVideoSecond() * 30) + 1);
        assertThat(packets.keyframeSeconds()).allSatisfy(t -> assertThat(t % 2.0).isCloseTo(0.0, within(0.001)));
        assertThat(packets.keyframeSeconds()).hasSize((int) Math.ceil(packets.lastVideoSecond() / 2.0));
        assertThat(MediaInspector.boxTypes(mp4)).containsSubsequence("moov", "mdat");
    }

    @Test
    void perTitleEffortPresetsLetX264UseLongRunsOfBFramesOnAStaticStreetScene() throws Exception {
        Path source = shared("city-cc0.mpg");
        TranscodePlan plan = planner.plan(MediaInspector.probe(source));
        TranscodePlan.Rung base = plan.rungs().get(0);
        TranscodePlan.Rung slow = new TranscodePlan.Rung(base.name(), base.codec(), base.width(), base.height(),
                base.crf(), base.maxBitrate(), base.bufferBits(), "slow", base.profile());
        List<LadderTranscoder.EncodedRung> rungs = new LadderTranscoder().transcode(source, plan,
                List.of(base, slow), dir, () -> false, p -> { });

        assertThat(base.preset()).isEqualTo("veryfast");
        // x264's presets stop at 3; at slow its B-frame decision may go to 8 where the picture barely moves
        assertThat(MediaInspector.packets(rungs.get(0).mp4()).longestBRun()).isBetween(1, 3);
        assertThat(MediaInspector.packets(rungs.get(1).mp4()).longestBRun()).isBetween(4, 8);
    }

    @Test
    void theInstantRungOfAnMpeg2SourceIsConstrainedBaselineH264() throws Exception {
        Path source = shared("city-cc0.mpg");
        TranscodePlan plan = planner.plan(MediaInspector.probe(source));
        TranscodePlan.Rung fast = ((TranscodePlan.FastRung) plan.instant()).rung();
        Path mp4 = new LadderTranscoder().transcode(source, plan, List.of(fast), dir, () -> false, p -> { }).get(0)
                .mp4();

        Probe out = MediaInspector.probe(mp4);
        assertThat(out.video().codec()).isEqualTo("h264");
        assertThat(out.video().profile()).isEqualTo("Constrained Baseline");
        assertThat(out.video().height()).isEqualTo(360);
    }
}
