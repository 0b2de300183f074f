// Clipfeed per-title decisions for a clip: runs the analysis (CRF trials with SSIM), plans the ladder, and prints one line per
// H.264 rung ("rung W H fps crf maxrate bufsize fixedBitrate") for pertitle.sh, which encodes both ladders with the
// same x264 and measures bytes and SSIM. Also prints the analysis time.
import java.nio.file.Path;
import java.util.List;

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
        MediaSettings settings = MediaSettings.defaults();
        ComplexityProbe complexity = new ComplexityProbe();
        complexity.trials(source, settings.preset(), ComplexityProbe.TRIAL_CRFS); // warm-up: natives, JIT
        long start = System.nanoTime();
        List<SourceAnalysis.CrfTrial> trials = complexity.trials(source, settings.preset(), ComplexityProbe.TRIAL_CRFS);
        double seconds = (System.nanoTime() - start) / 1e9;
        TranscodePlan plan = new TranscodePlanner(settings).plan(probe,
                new SourceAnalysis(trials.get(0).bitsPerPixel(), ComplexityProbe.SHORT_SIDE, null, trials));
        System.out.printf("analysis in %.2f s, target SSIM %.3f, trials %s%n", seconds, settings.targetSsim(), trials);
        for (TranscodePlan.Rung r : plan.rungs()) {
            if (!r.hevc()) {
                System.out.printf("rung %d %d %d %d %d %d %d%n", r.width(), r.height(), plan.fps(), r.crf(),
                        r.maxBitrate(), r.bufferBits(), TranscodePlanner.fixedLadderBitrate(r.width(), r.height(),
                                plan.fps()));
            }
        }
    }
}
