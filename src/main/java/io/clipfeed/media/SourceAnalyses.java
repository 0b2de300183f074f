package io.clipfeed.media;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.clipfeed.media.ffmpeg.ComplexityProbe;
import io.clipfeed.media.ffmpeg.FfmpegException;
import io.clipfeed.media.ffmpeg.LoudnessMeter;
import io.clipfeed.platform.Db;

/**
 * The analysis pass before the ladder (complexity probe encode, loudness measurement) and the decisions taken from
 * it, kept per video in {@code media_analysis} so anyone can see why a rung got its CRF and cap.
 */
@Component
class SourceAnalyses {

    private static final Logger log = LoggerFactory.getLogger(SourceAnalyses.class);
    /** A source the trials cannot judge is treated as middling: base CRF, caps as a fixed ladder. */
    private static final double UNKNOWN_BITS_PER_PIXEL = 0.1;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MediaSettings settings;
    private final TranscodePlanner planner;
    private final ComplexityProbe complexity = new ComplexityProbe();
    private final RungSearch search;
    private final LoudnessMeter loudness = new LoudnessMeter();

    SourceAnalyses(JdbcClient jdbc, Clock clock, MediaSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.planner = new TranscodePlanner(settings);
        this.search = new RungSearch(settings);
        this.clock = clock;
    }

    SourceAnalysis analyse(String videoId, Path source, Probe probe, BooleanSupplier stop) {
        SourceAnalysis sampled = analyse(videoId, source, probe);
        int passes = sampled.trials().size() < 2 ? 0 : planner.searchPasses(probe, sampled.preset());
        if (passes == 0) {
            return sampled;
        }
        long start = System.nanoTime();
        try {
            SourceAnalysis searched = search.search(source, probe, sampled, passes, stop);
            log.info("video {} quality search ({} passes at most) in {} ms: {}", videoId, passes,
                    (System.nanoTime() - start) / 1_000_000, searched.searches());
            return searched;
        } catch (FfmpegException e) {
            log.warn("quality search of video {} failed, rates from the samples: {}", videoId, e.getMessage());
            return sampled;
        }
    }

    /** The sample-based analysis alone (trials, loudness), without a whole-rung search. */
    SourceAnalysis analyse(String videoId, Path source, Probe probe) {
        List<SourceAnalysis.CrfTrial> trials = List.of();
        List<SourceAnalysis.CrfTrial> fixedTrials = List.of();
        String preset = planner.effortPreset(probe);
        long start = System.nanoTime();
        try {
            // the title's own preset, and the base preset too when they differ: its trials predict the fixed ladder
            Map<String, List<SourceAnalysis.CrfTrial>> byPreset = complexity.trials(source,
                    List.copyOf(new LinkedHashSet<>(List.of(preset, settings.preset()))), ComplexityProbe.TRIAL_CRFS);
            trials = byPreset.get(preset);
            fixedTrials = byPreset.get(settings.preset());
        } catch (FfmpegException e) {
            log.warn("complexity of video {} not measured: {}", videoId, e.getMessage());
        }
        log.info("video {} per-title trials in {} ms: {} {}{}", videoId, (System.nanoTime() - start) / 1_000_000,
                preset, trials, preset.equals(settings.preset()) ? "" : "; " + settings.preset() + " " + fixedTrials);
        double bitsPerPixel = trials.isEmpty() ? UNKNOWN_BITS_PER_PIXEL : trials.get(0).bitsPerPixel();
        TranscodePlan.Loudness measured = null;
        if (probe.hasAudio()) {
            try {
                measured = loudness.measure(source).orElse(null);
            } catch (FfmpegException e) {
                log.warn("loudness of video {} not measured, normalising single-pass: {}", videoId, e.getMessage());
            }
        }
        return new SourceAnalysis(bitsPerPixel, ComplexityProbe.SHORT_SIDE, measured, trials, preset, fixedTrials);
    }

    /** Stores (replacing an earlier run's) the analysis and the per-rung decisions of {@code plan}. */
    void recordDecisions(String videoId, SourceAnalysis analysis, TranscodePlan plan) {
        String decisions = describe(plan, analysis);
        log.info("video {} per-title: bits/pixel {} → {}", videoId, analysis.bitsPerPixel(), decisions);
        TranscodePlan.Loudness l = analysis.loudness();
        jdbc.sql("delete from media_analysis where video_id = ?").param(videoId).update();
        jdbc.sql("insert into media_analysis (video_id, bits_per_pixel, loudness_lufs, loudness_range, true_peak, "
                + "decisions, analysed_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(videoId, analysis.bitsPerPixel(), l == null ? null : finite(l.integrated()),
                        l == null ? null : finite(l.range()), l == null ? null : finite(l.truePeak()),
                        decisions, Db.ts(clock.instant()))
                .update();
    }

    void forget(String videoId) {
        jdbc.sql("delete from media_analysis where video_id = ?").param(videoId).update();
    }

    /** The plan's decisions, then each searched rung's measurements: why it got its CRF. */
    static String describe(TranscodePlan plan, SourceAnalysis analysis) {
        String searches = analysis.searches().stream().map(s -> String.format(Locale.ROOT,
                "search %dx%d: fixed ladder ssim=%.4f at %dk; tried %s", s.width(), s.height(),
                s.fixedLadder().ssim(), s.fixedLadder().bitrate() / 1000, s.encodes().stream()
                        .map(m -> String.format(Locale.ROOT, "crf=%s ssim=%.4f at %dk",
                                TranscodePlan.crfText(m.crf()), m.ssim(),
                                m.bitrate() / 1000))
                        .collect(Collectors.joining(", ")))).collect(Collectors.joining("; "));
        String text = describe(plan) + (searches.isEmpty() ? "" : "; " + searches);
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    static String describe(TranscodePlan plan) {
        String rungs = plan.rungs().stream().map(r -> String.format(Locale.ROOT,
                "%s %s %dx%d crf=%s maxrate=%dk bufsize=%dk %s", r.name(), r.codec(), r.width(), r.height(),
                r.crfText(),
                r.maxBitrate() / 1000, r.bufferBits() / 1000, r.preset())).collect(Collectors.joining("; "));
        String audio = plan.audio() == null ? "silent" : plan.audio().measured() == null
                ? "loudnorm single-pass" : "loudnorm two-pass from " + String.format(Locale.ROOT, "%.1f LUFS",
                        plan.audio().measured().integrated());
        String text = rungs + "; " + audio + (plan.toneMap() == null ? "" : "; tone-mapped from " + plan.toneMap());
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
