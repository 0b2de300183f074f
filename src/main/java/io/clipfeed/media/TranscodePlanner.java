package io.clipfeed.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.clipfeed.media.TranscodePlan.AudioPlan;
import io.clipfeed.media.TranscodePlan.InstantPublish;
import io.clipfeed.media.TranscodePlan.Rung;

/**
 * Computes the {@link TranscodePlan} for an accepted probe (and, for the full ladder, the source analysis). Pure and
 * deterministic: the ladder is chosen by the short side (so portrait and landscape get the same quality steps),
 * never upscaled; rates per rung come from {@link PerTitle}. Public so benchmarks can print the decisions.
 */
public final class TranscodePlanner {

    static final int SEGMENT_SECONDS = 2;
    private static final int[] SHORT_SIDES = {360, 540, 720, 1080};
    /** Bitrate caps at 30 fps for each short side; above 30 fps they grow by half. */
    private static final long[] CAPS = {900_000, 1_800_000, 3_000_000, 6_000_000};
    /** x265 at CRF n+4 looks about like x264 at CRF n. */
    static final int HEVC_CRF_OFFSET = 4;
    static final int MIN_HEVC_SHORT_SIDE = 240;
    private static final int[] STANDARD_FPS = {12, 15, 24, 25, 30, 50, 60};
    private static final Set<String> MP4_FAMILY = Set.of("mov,mp4,m4a,3gp,3g2,mj2");
    private static final Set<String> PLAYABLE_H264_PROFILES = Set.of("Baseline", "Constrained Baseline", "Main",
            "High");
    private static final Set<String> PLAYABLE_PIXEL_FORMATS = Set.of("yuv420p", "yuvj420p");
    /** A source above this many bits per pixel per frame is re-encoded even if it could be remuxed. */
    private static final double SANE_BITS_PER_PIXEL = 0.35;

    private final MediaSettings settings;

    public TranscodePlanner(MediaSettings settings) {
        this.settings = settings;
    }

    /** The plan before any analysis: fixed rates, single-pass loudness (what the instant rung needs). */
    public TranscodePlan plan(Probe probe) {
        return plan(probe, null);
    }

    /** With an analysis: per-title rates per rung and two-pass (linear) loudness normalisation. */
    public TranscodePlan plan(Probe probe, SourceAnalysis analysis) {
        Probe.VideoTrack video = probe.video();
        int fps = constantFrameRate(video.fps());
        List<Rung> rungs = ladder(video.displayWidth(), video.displayHeight(), fps);
        InstantPublish instant = instantPublish(probe, rungs, fps);
        if (analysis != null) {
            rungs = rungs.stream().map(r -> perTitle(r, analysis, fps)).toList();
        }
        AudioPlan audio = probe.hasAudio() ? new AudioPlan("aac", 48_000, 2, 128_000, settings.targetLufs(),
                analysis == null ? null : analysis.loudness()) : null;
        return new TranscodePlan(fps, fps * SEGMENT_SECONDS, SEGMENT_SECONDS, video.rotation(), withHevc(rungs),
                audio, instant, video.hdrTransfer());
    }

    private Rung perTitle(Rung rung, SourceAnalysis analysis, int fps) {
        PerTitle.Decision d = PerTitle.decide(analysis, rung.width(), rung.height(), fps, settings.crf(),
                settings.targetSsim());
        // the rung is encoded with the preset its trials measured, or the CRF would not buy the SSIM predicted
        String preset = analysis.preset() == null ? rung.preset() : analysis.preset();
        return new Rung(rung.name(), rung.codec(), rung.width(), rung.height(), d.crf(), d.maxBitrate(),
                d.bufferBits(), preset, rung.profile());
    }

    /**
     * The x264 preset for this title's H.264 ladder ({@link EncoderEffort}): slower than the base preset when the
     * whole ladder is small enough to encode within the effort budget. The analysis runs its trials with it.
     */
    public String effortPreset(Probe probe) {
        Probe.VideoTrack video = probe.video();
        int fps = constantFrameRate(video.fps());
        List<Rung> rungs = ladder(video.displayWidth(), video.displayHeight(), fps);
        double megapixels = EncoderEffort.megapixels(rungs, fps, probe.durationMs() / 1000.0);
        return EncoderEffort.choose(settings.preset(), settings.maxEffortPreset(), megapixels,
                settings.encodeMegapixelsPerSecond(), settings.effortBudget());
    }

    /**
     * How many whole-rung quality search passes this title's effort budget allows at {@code preset} (its effort
     * preset), 0 for none ({@link EncoderEffort#searchPasses}).
     */
    public int searchPasses(Probe probe, String preset) {
        Probe.VideoTrack video = probe.video();
        int fps = constantFrameRate(video.fps());
        List<Rung> rungs = ladder(video.displayWidth(), video.displayHeight(), fps);
        double megapixels = EncoderEffort.megapixels(rungs, fps, probe.durationMs() / 1000.0);
        return EncoderEffort.searchPasses(settings.preset(), preset, megapixels, settings.encodeMegapixelsPerSecond(),
                settings.effortBudget());
    }

    /**
     * The top {@code hevcTopRungs} rungs again as HEVC (hvc1) for clients that decode it: x265 reaches the same
     * quality at a higher CRF, so the cap shrinks by the usual ~30 %.
     */
    List<Rung> withHevc(List<Rung> h264) {
        List<Rung> all = new ArrayList<>(h264);
        if (!settings.hevc()) {
            return all;
        }
        for (Rung r : h264.subList(Math.max(0, h264.size() - settings.hevcTopRungs()), h264.size())) {
            if (r.shortSide() < MIN_HEVC_SHORT_SIDE) {
                continue; // a thumbnail-sized clip gains nothing from HEVC, and x265 wants some picture to work on
            }
            all.add(new Rung(r.name() + "-hevc", TranscodePlan.HEVC, r.width(), r.height(),
                    Math.min(51, r.crf() + HEVC_CRF_OFFSET), r.maxBitrate() * 7 / 10, r.bufferBits() * 7 / 10,
                    settings.hevcPreset(), "main"));
        }
        return all;
    }

    /** What a fixed Apple-style ladder (HLS authoring spec bitrates, scaled by pixels) spends on this picture. */
    public static long fixedLadderBitrate(int width, int height, int fps) {
        return PerTitle.appleBitrate(width, height, fps);
    }

    /** The nearest standard rate at or above the source's average (VFR phones average e.g. 26.8 → 30). */
    static int constantFrameRate(double sourceFps) {
        if (!(sourceFps > 0) || Double.isInfinite(sourceFps)) {
            return 30;
        }
        for (int candidate : STANDARD_FPS) {
            if (candidate >= sourceFps * 0.98) {
                return candidate;
            }
        }
        return 60;
    }

    List<Rung> ladder(int displayWidth, int displayHeight, int fps) {
        int shortSide = Math.min(displayWidth, displayHeight);
        List<Rung> rungs = new ArrayList<>();
        for (int i = 0; i < SHORT_SIDES.length; i++) {
            if (SHORT_SIDES[i] <= shortSide) {
                rungs.add(rung(SHORT_SIDES[i], CAPS[i], displayWidth, displayHeight, fps, settings.preset(),
                        settings.crf()));
            }
        }
        if (rungs.isEmpty()) {
            // a tiny source still gets one rendition, at its own (evened) size
            rungs.add(rung(even(shortSide), CAPS[0], displayWidth, displayHeight, fps, settings.preset(),
                    settings.crf()));
        }
        return rungs;
    }

    private static Rung rung(int shortSide, long cap30, int displayWidth, int displayHeight, int fps, String preset,
            int crf) {
        int longSide = even((int) Math.round(shortSide * (double) Math.max(displayWidth, displayHeight)
                / Math.min(displayWidth, displayHeight)));
        boolean portrait = displayHeight > displayWidth;
        int width = portrait ? shortSide : longSide;
        int height = portrait ? longSide : shortSide;
        long cap = fps > 30 ? cap30 * 3 / 2 : cap30;
        return new Rung(shortSide + "p", width, height, crf, cap, cap * 2, preset);
    }

    private InstantPublish instantPublish(Probe probe, List<Rung> rungs, int fps) {
        if (remuxable(probe)) {
            return new TranscodePlan.Remux();
        }
        return new TranscodePlan.FastRung(fastRung(rungs));
    }

    /**
     * The largest H.264 rung up to 540p, encoded with the instant preset, a slightly lower quality target and the
     * Constrained Baseline profile (no B-frames, no CABAC), which every phone decodes in hardware.
     */
    Rung fastRung(List<Rung> rungs) {
        Rung low = rungs.stream().filter(r -> !r.hevc() && r.shortSide() <= 540).reduce((a, b) -> b)
                .orElse(rungs.get(0));
        return new Rung(low.name(), TranscodePlan.H264, low.width(), low.height(), settings.crf() + 3,
                low.maxBitrate(), low.bufferBits(), settings.instantPreset(), "baseline");
    }

    /** H.264 (+AAC or silent) in MP4/MOV, at most 1080p, 8-bit 4:2:0, of sane bitrate: plays everywhere as is. */
    static boolean remuxable(Probe probe) {
        Probe.VideoTrack video = probe.video();
        boolean audioOk = !probe.hasAudio() || "aac".equals(probe.audio().codec());
        boolean sizeOk = Math.min(video.width(), video.height()) <= 1080
                && Math.max(video.width(), video.height()) <= 1920;
        double fps = video.fps() > 0 ? video.fps() : 30;
        double bitsPerPixel = probe.bitrate() / ((double) video.width() * video.height() * fps);
        return MP4_FAMILY.contains(probe.container()) && "h264".equals(video.codec())
                && PLAYABLE_H264_PROFILES.contains(video.profile())
                && PLAYABLE_PIXEL_FORMATS.contains(video.pixelFormat()) && video.hdrTransfer() == null && audioOk
                && sizeOk
                && bitsPerPixel <= SANE_BITS_PER_PIXEL;
    }

    static int even(int value) {
        return Math.max(2, value - (value % 2));
    }
}
