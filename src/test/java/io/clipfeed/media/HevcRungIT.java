package io.clipfeed.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.clipfeed.media.ffmpeg.LadderTranscoder;
import io.clipfeed.media.ffmpeg.OutputFacts;

/**
 * The HEVC top rung, checked by decoding it with FFmpeg (the test browser cannot play HEVC): hvc1 sample entry,
 * every frame decodes, the right size, an RFC 6381 codec string a master playlist can announce.
 */
@io.clipfeed.DatabaseFree
class HevcRungIT {

    @TempDir
    Path dir;

    @Test
    void topRungIsAlsoEncodedAsHvc1TaggedHevcThatDecodesFrameForFrame() throws Exception {
        Path source = ClipMaker.clip().size(1280, 720).fps(30).seconds(4).write(dir.resolve("source.mp4"));
        TranscodePlan plan = new TranscodePlanner(MediaSettings.withHevc()).plan(MediaInspector.probe(source));
        List<LadderTranscoder.EncodedRung> rungs = new LadderTranscoder().transcode(source, plan, plan.rungs(), dir,
                () -> false, p -> { });

        LadderTranscoder.EncodedRung hevc = rungs.stream().filter(r -> r.rung().hevc()).findFirst().orElseThrow();
        LadderTranscoder.EncodedRung avc = rungs.stream().filter(r -> !r.rung().hevc())
                .reduce((a, b) -> b).orElseThrow();
        MediaInspector.VideoLabels labels = MediaInspector.labels(hevc.mp4());
        assertThat(labels.codec()).isEqualTo("hevc");
        assertThat(labels.codecTag()).isEqualTo("hvc1");
        assertThat(labels.width()).isEqualTo(1280);
        assertThat(labels.height()).isEqualTo(720);
        assertThat(MediaInspector.decodedFrames(hevc.mp4())).isEqualTo(MediaInspector.decodedFrames(avc.mp4()))
                .isEqualTo(120);
        assertThat(OutputFacts.of(hevc.mp4()).codecs()).matches("hvc1\\.1\\.6\\.L\\d+(\\.[0-9A-F]{2})+,mp4a\\.40\\.2");
        MediaInspector.Packets packets = MediaInspector.packets(hevc.mp4());
        assertThat(packets.keyframeSeconds()).containsExactly(0.0, 2.0);
    }
}
