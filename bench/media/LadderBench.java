// Clipfeed media benchmark: in-process ladder (decode once, one worker per rung) and instant-publish timings.
// Run through ./run.sh, which supplies the classpath and the clips. Not a test: prints figures and ratios.
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.clipfeed.media.Probe;
import io.clipfeed.media.TranscodePlan;
import io.clipfeed.media.TranscodePlan.Rung;
import io.clipfeed.media.ffmpeg.FfmpegProber;
import io.clipfeed.media.ffmpeg.LadderTranscoder;
import io.clipfeed.media.ffmpeg.OutputFacts;
import io.clipfeed.media.ffmpeg.Remuxer;

public class LadderBench {

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path source = Path.of(args[1]);
        Path out = Files.createDirectories(Path.of(args[2]));
        int runs = Integer.parseInt(args[3]);
        if (mode.equals("ladder")) {
            ladder(source, out, runs, args[4]);
        } else {
            remux(source, out, runs);
        }
    }

    /** rungs like "480x360,720x540,960x720" at 30 fps, veryfast, CRF 23, 2 s GOP. */
    static void ladder(Path source, Path out, int runs, String sizes) {
        List<Rung> rungs = new ArrayList<>();
        long[] caps = {900_000, 1_800_000, 3_000_000, 6_000_000};
        int i = 0;
        for (String size : sizes.split(",")) {
            String[] wh = size.split("x");
            int w = Integer.parseInt(wh[0]);
            int h = Integer.parseInt(wh[1]);
            rungs.add(new Rung(Math.min(w, h) + "p", w, h, 23, caps[i], caps[i] * 2, "veryfast"));
            i++;
        }
        Probe probe = new FfmpegProber().probe(source, p -> true).orElseThrow();
        TranscodePlan plan = new TranscodePlan(30, 60, 2, probe.video().rotation(), rungs,
                probe.hasAudio() ? new TranscodePlan.AudioPlan("aac", 48_000, 2, 128_000) : null,
                new TranscodePlan.Remux());
        LadderTranscoder transcoder = new LadderTranscoder();
        transcoder.transcode(source, plan, rungs, out, () -> false, p -> { }); // warm-up: natives, JIT
        List<Double> times = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            var encoded = transcoder.transcode(source, plan, rungs, out, () -> false, p -> { });
            times.add((System.nanoTime() - start) / 1e9);
            if (run == runs - 1) {
                for (var rung : encoded) {
                    OutputFacts facts = OutputFacts.of(rung.mp4());
                    System.out.printf("clipfeed rung %s %dx%d %d bytes %d kbit/s %s%n", rung.rung().name(),
                            facts.width(), facts.height(), facts.sizeBytes(), facts.bitrate() / 1000, facts.codecs());
                }
            }
        }
        System.out.printf("clipfeed ladder runs %s median %.2f s%n", times, median(times));
    }

    /** Probe + header checks + faststart remux + output facts: the work between upload-complete and PLAYABLE. */
    static void remux(Path source, Path out, int runs) {
        FfmpegProber prober = new FfmpegProber();
        Remuxer remuxer = new Remuxer();
        List<Double> times = new ArrayList<>();
        for (int run = 0; run <= runs; run++) {
            long start = System.nanoTime();
            prober.probe(source, p -> true).orElseThrow();
            Path target = out.resolve("instant-" + run + ".mp4");
            remuxer.faststartMp4(source, target);
            OutputFacts.of(target);
            if (run > 0) {
                times.add((System.nanoTime() - start) / 1e9);
            }
        }
        System.out.printf("clipfeed instant-remux runs %s median %.3f s%n", times, median(times));
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
