package io.clipfeed.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.clipfeed.media.ffmpeg.LadderTranscoder;
import io.clipfeed.media.ffmpeg.QualityMeter;

/** An HDR10 phone clip (10-bit HEVC, PQ, BT.2020) comes out as 8-bit BT.709 SDR H.264, labelled as such. */
@io.clipfeed.DatabaseFree
class ToneMapIT {

    @TempDir
    Path dir;

    @Test
    void pqBt2020SourceIsToneMappedToBt709Sdr() throws Exception {
        Path source = ClipMaker.clip().hdr10().size(640, 360).fps(30).seconds(2).silent()
                .write(dir.resolve("hdr.mp4"));
        MediaInspector.VideoLabels in = MediaInspector.labels(source);
        assertThat(in.transfer()).isEqualTo("smpte2084");
        assertThat(in.pixelFormat()).isEqualTo("yuv420p10le");
        Probe probe = MediaInspector.probe(source);
        TranscodePlan plan = new TranscodePlanner(MediaSettings.defaults()).plan(probe);
        assertThat(plan.toneMap()).isEqualTo("smpte2084");
        assertThat(plan.instant()).isInstanceOf(TranscodePlan.FastRung.class);

        List<LadderTranscoder.EncodedRung> rungs = new LadderTranscoder().transcode(source, plan,
                plan.rungs().subList(0, 1), dir, () -> false, p -> { });

        Path out = rungs.get(0).mp4();
        MediaInspector.VideoLabels labels = MediaInspector.labels(out);
        assertThat(labels.codec()).isEqualTo("h264");
        assertThat(labels.pixelFormat()).isEqualTo("yuv420p");
        assertThat(labels.primaries()).isEqualTo("bt709");
        assertThat(labels.transfer()).isEqualTo("bt709");
        assertThat(MediaInspector.decodedFrames(out)).isEqualTo(60);
        // the picture survives the mapping: structurally like the source seen through the same chain
        QualityMeter.Quality q = new QualityMeter().measure(source, out, plan, rungs.get(0).rung(), 2);
        assertThat(q.ssim()).isGreaterThan(0.9);
    }
}
