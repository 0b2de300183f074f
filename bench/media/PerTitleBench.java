// Clipfeed per-title decisions for a clip: runs the complexity probe, plans the ladder, and prints one line per
// H.264 rung ("rung W H fps crf maxrate bufsize fixedBitrate") for pertitle.sh, which encodes both ladders with the
// same x264 and measures bytes and SSIM. Also prints the probe's time.
import java.nio.file.Path;

import io.clipfeed.media.MediaSettings;
import io.clipfeed.media.Probe;
import io.clipfeed.media.SourceAnalysis;
import io.clipfeed.media.TranscodePlan;
import io.clipfeed.media.TranscodePlanner;
import io.clipfeed.media.ffmpeg.ComplexityProbe;
import io.clipfeed.media.ffmpeg.FfmpegProber;

public class PerTitleBench {

    public static void main(String[] args) {
        Path source = Path.of(args[0]);
        Probe probe = new FfmpegProber().probe(source, p -> true).orElseThrow();
        ComplexityProbe complexity = new ComplexityProbe();
        complexity.bitsPerPixel(source); // warm-up: natives, JIT
        long start = System.nanoTime();
        double bitsPerPixel = complexity.bitsPerPixel(source);
        double seconds = (System.nanoTime() - start) / 1e9;
        TranscodePlan plan = new TranscodePlanner(MediaSettings.defaults())
                .plan(probe, new SourceAnalysis(bitsPerPixel, ComplexityProbe.SHORT_SIDE, null));
        System.out.printf("probe %.4f bits/pixel in %.2f s%n", bitsPerPixel, seconds);
        for (TranscodePlan.Rung r : plan.rungs()) {
            if (!r.hevc()) {
                System.out.printf("rung %d %d %d %d %d %d %d%n", r.width(), r.height(), plan.fps(), r.crf(),
                        r.maxBitrate(), r.bufferBits(), TranscodePlanner.fixedLadderBitrate(r.width(), r.height(),
                                plan.fps()));
            }
        }
    }
}
