// Clipfeed per-title decisions for a clip: runs the analysis (CRF trials with SSIM) as production does and prints,
// per H.264 rung, two plans for pertitle.sh, which encodes them and the fixed ladder with the same x264 and measures
// bytes and SSIM:
//   "rung rate W H fps crf maxrate bufsize fixedBitrate preset x264extras"   rate decisions alone (trials and encode at the
//                                                                  base preset, as if the effort budget were 0)
//   "rung effort …"                                                production: per-title encoder effort and, when
//                                                                  the budget allows, the whole-rung quality search
// Also prints the analysis and search times and the search's own measurements (in-process x264).
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import io.clipfeed.media.MediaSettings;
import io.clipfeed.media.Probe;
import io.clipfeed.media.RungSearch;
import io.clipfeed.media.SourceAnalysis;
import io.clipfeed.media.TranscodePlan;
import io.clipfeed.media.TranscodePlanner;
import io.clipfeed.media.ffmpeg.ComplexityProbe;
import io.clipfeed.media.ffmpeg.FfmpegProber;
import io.clipfeed.media.ffmpeg.LadderTranscoder;
import io.clipfeed.media.ffmpeg.X264Extras;

public class PerTitleBench {

    public static void main(String[] args) {
        Path source = Path.of(args[0]);
        Probe probe = new FfmpegProber().probe(source, p -> true).orElseThrow();
        MediaSettings settings = MediaSettings.defaults();
        TranscodePlanner planner = new TranscodePlanner(settings);
        String base = settings.preset();
        String preset = planner.effortPreset(probe);
        List<String> presets = List.copyOf(new LinkedHashSet<>(List.of(preset, base)));
        ComplexityProbe complexity = new ComplexityProbe();
        complexity.trials(source, presets, ComplexityProbe.TRIAL_CRFS); // warm-up: natives, JIT
        long start = System.nanoTime();
        complexity.trials(source, List.of(base), ComplexityProbe.TRIAL_CRFS);
        double baseSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        Map<String, List<SourceAnalysis.CrfTrial>> trials = complexity.trials(source, presets,
                ComplexityProbe.TRIAL_CRFS);
        double effortSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("analysis: %s trials %.2f s; production (%s) %.2f s; target SSIM %.3f; trials %s%n", base,
                baseSeconds, String.join("+", presets), effortSeconds, settings.targetSsim(), trials);
        List<SourceAnalysis.CrfTrial> baseTrials = trials.get(base);
        print("rate", probe, planner.plan(probe, new SourceAnalysis(baseTrials.get(0).bitsPerPixel(),
                ComplexityProbe.SHORT_SIDE, null, baseTrials)));
        SourceAnalysis sampled = new SourceAnalysis(trials.get(preset).get(0).bitsPerPixel(),
                ComplexityProbe.SHORT_SIDE, null, trials.get(preset), preset, baseTrials);
        int passes = planner.searchPasses(probe, preset);
        SourceAnalysis production = sampled;
        double searchSeconds = 0;
        if (passes > 0) {
            start = System.nanoTime();
            production = new RungSearch(settings).search(source, probe, sampled, passes, () -> false);
            searchSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("search: %d passes at most, %.2f s; %s%n", passes, searchSeconds,
                    production.searches());
        } else {
            System.out.println("search: none (outside the effort budget)");
        }
        TranscodePlan plan = planner.plan(probe, production);
        print("effort", probe, plan);
        // the ladder's own encode of the chosen plan (in-process, audio included), for the search's share of the
        // ladder step's time: samples + search + this encode, against samples + this encode
        double encodeSeconds = ladderSeconds(source, plan);
        System.out.printf("ladder time: samples %.2f s + search %.2f s + encode %.2f s = %.2f s; without the search "
                + "%.2f s (%.2f×)%n", effortSeconds, searchSeconds, encodeSeconds,
                effortSeconds + searchSeconds + encodeSeconds, effortSeconds + encodeSeconds,
                (effortSeconds + searchSeconds + encodeSeconds) / (effortSeconds + encodeSeconds));
    }

    private static double ladderSeconds(Path source, TranscodePlan plan) {
        try {
            Path dir = Files.createTempDirectory("pertitle-ladder");
            long start = System.nanoTime();
            new LadderTranscoder().transcode(source, plan, plan.rungs(), dir, () -> false, p -> { });
            double seconds = (System.nanoTime() - start) / 1e9;
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
            return seconds;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void print(String mode, Probe probe, TranscodePlan plan) {
        for (TranscodePlan.Rung r : plan.rungs()) {
            if (!r.hevc()) {
                System.out.printf("rung %s %d %d %d %s %d %d %d %s %s%n", mode, r.width(), r.height(), plan.fps(),
                        r.crfText(), r.maxBitrate(), r.bufferBits(),
                        TranscodePlanner.fixedLadderBitrate(r.width(), r.height(), plan.fps()), r.preset(),
                        X264Extras.forPreset(r.preset()).isEmpty() ? "-" : X264Extras.forPreset(r.preset()));
            }
        }
    }
}
