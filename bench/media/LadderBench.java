// Clipfeed media benchmark: in-process ladder (decode once, one worker per rung) and instant-publish timings.
// Run through ./run.sh, which supplies the classpath and the clips. Not a test: prints figures and ratios.
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.clipfeed.media.MediaSettings;
import io.clipfeed.media.Probe;
import io.clipfeed.media.TranscodePlan;
import io.clipfeed.media.TranscodePlan.Rung;
import io.clipfeed.media.TranscodePlanner;
import io.clipfeed.media.ffmpeg.FfmpegProber;
import io.clipfeed.media.ffmpeg.LadderTranscoder;
import io.clipfeed.media.ffmpeg.LoudnessMeter;
import io.clipfeed.media.ffmpeg.OutputFacts;
import io.clipfeed.media.ffmpeg.Remuxer;

public class LadderBench {

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path source = Path.of(args[1]);
        if (mode.equals("preset")) {
            // the x264 preset production's per-title effort picks for this clip (both sides of the bench use it)
            // and the x264 options production adds to it ("-" for none)
            String preset = new TranscodePlanner(MediaSettings.defaults()).effortPreset(
                    new FfmpegProber().probe(source, p -> true).orElseThrow());
            String extras = io.clipfeed.media.ffmpeg.X264Extras.forPreset(preset);
            System.out.println(preset + " " + (extras.isEmpty() ? "-" : extras));
            return;
        }
        Path out = Files.createDirectories(Path.of(args[2]));
        int runs = Integer.parseInt(args[3]);
        if (mode.equals("ladder")) {
            ladder(source, out, runs, args[4], false, args.length > 5 ? args[5] : "veryfast");
        } else if (mode.equals("hevc")) {
            ladder(source, out, runs, args[4], true, "veryfast");
        } else if (mode.equals("loudnorm")) {
            System.out.println(loudnorm(source));
        } else {
            remux(source, out, runs);
        }
    }

    /**
     * rungs like "480x360,720x540,960x720" at 30 fps, {@code preset} (veryfast unless given), CRF 23, 2 s GOP;
     * audio normalised two-pass (the CLI gets the same linear loudnorm). With {@code hevc} the top rung is encoded a second time with x265 (the
     * default production setting), timed against the same ladder without it.
     */
    static void ladder(Path source, Path out, int runs, String sizes, boolean hevc, String preset) {
        List<Rung> rungs = new ArrayList<>();
        long[] caps = {900_000, 1_800_000, 3_000_000, 6_000_000};
        int i = 0;
        for (String size : sizes.split(",")) {
            String[] wh = size.split("x");
            int w = Integer.parseInt(wh[0]);
            int h = Integer.parseInt(wh[1]);
            rungs.add(new Rung(Math.min(w, h) + "p", w, h, 23, caps[i], caps[i] * 2, preset));
            i++;
        }
        Probe probe = new FfmpegProber().probe(source, p -> true).orElseThrow();
        TranscodePlan.AudioPlan audio = probe.hasAudio() ? new TranscodePlan.AudioPlan("aac", 48_000, 2, 128_000,
                -14, new LoudnessMeter().measure(source).orElseThrow()) : null;
        if (hevc) {
            Rung top = rungs.get(rungs.size() - 1);
            MediaSettings d = MediaSettings.defaults();
            List<Rung> withHevc = new ArrayList<>(rungs);
            withHevc.add(new Rung(top.name() + "-hevc", TranscodePlan.HEVC, top.width(), top.height(), 23 + 4,
                    top.maxBitrate() * 7 / 10, top.bufferBits() * 7 / 10, d.hevcPreset(), "main"));
            time("h264-only", source, out, runs, new TranscodePlan(30, 60, 2, probe.video().rotation(), rungs, audio,
                    new TranscodePlan.Remux(), null));
            time("with-hevc", source, out, runs, new TranscodePlan(30, 60, 2, probe.video().rotation(), withHevc,
                    audio, new TranscodePlan.Remux(), null));
            return;
        }
        TranscodePlan plan = new TranscodePlan(30, 60, 2, probe.video().rotation(), rungs, audio,
                new TranscodePlan.Remux(), null);
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

    static double time(String label, Path source, Path out, int runs, TranscodePlan plan) {
        LadderTranscoder transcoder = new LadderTranscoder();
        List<Double> times = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            var encoded = transcoder.transcode(source, plan, plan.rungs(), out, () -> false, p -> { });
            times.add((System.nanoTime() - start) / 1e9);
            if (run == runs - 1) {
                for (var rung : encoded) {
                    OutputFacts facts = OutputFacts.of(rung.mp4());
                    System.out.printf("%s rung %s %s %d bytes%n", label, rung.rung().name(), facts.videoCodec(),
                            facts.sizeBytes());
                }
            }
        }
        double median = median(times);
        System.out.printf("%s runs %s median %.2f s%n", label, times, median);
        return median;
    }

    /** The CLI's audio filter equal to Clipfeed's two-pass normalisation of this source. */
    static String loudnorm(Path source) {
        TranscodePlan.Loudness m = new LoudnessMeter().measure(source).orElseThrow();
        return String.format(java.util.Locale.ROOT, "loudnorm=I=-14.0:TP=-1.5:LRA=20.0:measured_I=%.2f:"
                + "measured_LRA=%.2f:measured_TP=%.2f:measured_thresh=%.2f:linear=true,aresample=48000",
                m.integrated(), m.range(), m.truePeak(), m.integrated() - 10);
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
