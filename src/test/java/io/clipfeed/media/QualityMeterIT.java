package io.clipfeed.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.clipfeed.media.ffmpeg.LadderTranscoder;
import io.clipfeed.media.ffmpeg.QualityMeter;

@io.clipfeed.DatabaseFree
class QualityMeterIT {

    @TempDir
    Path dir;

    @Test
    void ssimAndPsnrRankAGoodEncodeAboveACrushedOne() {
        Path source = LadderTranscoderIT.shared("cup.mp4");
        TranscodePlan plan = new TranscodePlanner(MediaSettings.defaults()).plan(MediaInspector.probe(source));
        TranscodePlan.Rung good = plan.rungs().get(0);
        TranscodePlan.Rung crushed = new TranscodePlan.Rung("crushed", good.width(), good.height(), 45,
                good.maxBitrate(), good.bufferBits(), "ultrafast");
        List<LadderTranscoder.EncodedRung> out = new LadderTranscoder().transcode(source, plan,
                List.of(good, crushed), dir, () -> false, p -> { });

        QualityMeter meter = new QualityMeter();
        QualityMeter.Quality goodQuality = meter.measure(source, out.get(0).mp4(), plan, good, 4);
        QualityMeter.Quality crushedQuality = meter.measure(source, out.get(1).mp4(), plan, crushed, 4);

        assertThat(goodQuality.ssim()).isBetween(0.93, 1.0);
        assertThat(goodQuality.psnr()).isGreaterThan(33);
        assertThat(crushedQuality.ssim()).isLessThan(goodQuality.ssim());
        assertThat(crushedQuality.psnr()).isLessThan(goodQuality.psnr() - 3);
    }
}
