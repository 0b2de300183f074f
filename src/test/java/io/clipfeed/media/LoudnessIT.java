package io.clipfeed.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.clipfeed.media.ffmpeg.ComplexityProbe;
import io.clipfeed.media.ffmpeg.LadderTranscoder;
import io.clipfeed.media.ffmpeg.LoudnessMeter;

/** A whispered and a shouted tone both come out at −14 LUFS integrated, measured with the ebur128 filter. */
@io.clipfeed.DatabaseFree
class LoudnessIT {

    @TempDir
    Path dir;

    private final TranscodePlanner planner = new TranscodePlanner(MediaSettings.defaults());
    private final LoudnessMeter meter = new LoudnessMeter();

    @Test
    void quietAndLoudClipsAreNormalisedToMinus14LufsInTwoPasses() throws Exception {
        for (int amplitude : new int[] {250, 30_000}) {
            Path source = ClipMaker.clip().tone(amplitude).seconds(6).write(dir.resolve("tone-" + amplitude + ".mp4"));
            TranscodePlan.Loudness before = meter.measure(source).orElseThrow();
            Probe probe = MediaInspector.probe(source);
            TranscodePlan plan = planner.plan(probe, new SourceAnalysis(0.1, ComplexityProbe.SHORT_SIDE, before));

            Path out = lowestRung(source, plan, "two-pass-" + amplitude);

            assertThat(before.integrated()).isNotCloseTo(-14.0, within(8.0));
            assertThat(meter.measure(out).orElseThrow().integrated()).as("amplitude %d, source %.1f LUFS", amplitude,
                    before.integrated()).isCloseTo(-14.0, within(1.5));
        }
    }

    @Test
    void theInstantRungNormalisesInOnePass() throws Exception {
        Path source = ClipMaker.clip().tone(250).seconds(6).write(dir.resolve("quiet.mp4"));
        TranscodePlan plan = planner.plan(MediaInspector.probe(source));
        assertThat(plan.audio().measured()).isNull();

        Path out = lowestRung(source, plan, "single-pass");

        assertThat(meter.measure(out).orElseThrow().integrated()).isCloseTo(-14.0, within(1.5));
    }

    private Path lowestRung(Path source, TranscodePlan plan, String name) throws Exception {
        Path work = java.nio.file.Files.createDirectories(dir.resolve(name));
        return new LadderTranscoder().transcode(source, plan, List.of(plan.rungs().get(0)), work, () -> false,
                p -> { }).get(0).mp4();
    }
}
