package io.clipfeed.media;

import java.util.List;

/**
 * Everything the executor needs to turn one source into its renditions, computed from the probe and the source
 * analysis alone ({@link TranscodePlanner}). Frame rate is constant ({@code fps}); every rung has a keyframe exactly
 * every {@code gopFrames} frames, i.e. on every segment boundary, so HLS segments line up across rungs.
 * {@code rotation} is the clockwise turn the encoder applies so outputs need no display matrix; {@code toneMap}
 * names the source's HDR transfer ({@code smpte2084} or {@code arib-std-b67}) when the output must be tone-mapped
 * to BT.709 SDR, else null.
 */
public record TranscodePlan(int fps, int gopFrames, int segmentSeconds, int rotation, List<Rung> rungs,
        AudioPlan audio, InstantPublish instant, String toneMap) {

    public TranscodePlan {
        rungs = List.copyOf(rungs);
    }

    public static final String H264 = "h264";
    public static final String HEVC = "hevc";

    /** A CRF as x264/x265 options and the decisions record write it: "23", "27.25". */
    public static String crfText(double crf) {
        return crf == Math.rint(crf) ? Long.toString((long) crf)
                : java.math.BigDecimal.valueOf(crf).stripTrailingZeros().toPlainString();
    }

    /**
     * One rendition. {@code width}×{@code height} are the output's display size (even, square pixels);
     * {@code crf} is the quality target (x264/x265 take fractional values: per-title search steps by quarters) and
     * {@code maxBitrate}/{@code bufferBits} the VBV cap, so a noisy scene cannot explode the file. {@code codec} is
     * {@link #H264} (libx264) or {@link #HEVC} (libx265, tagged hvc1);
     * {@code profile} the encoder profile (high, main, baseline).
     */
    public record Rung(String name, String codec, int width, int height, double crf, long maxBitrate, long bufferBits,
            String preset, String profile) {

        /** An H.264 High rung (the common case). */
        public Rung(String name, int width, int height, double crf, long maxBitrate, long bufferBits, String preset) {
            this(name, H264, width, height, crf, maxBitrate, bufferBits, preset, "high");
        }

        /** The CRF as the encoder option takes it: "23", "27.25". */
        public String crfText() {
            return TranscodePlan.crfText(crf);
        }

        public int shortSide() {
            return Math.min(width, height);
        }

        public boolean hevc() {
            return HEVC.equals(codec);
        }
    }

    /**
     * AAC-LC, 48 kHz, stereo for every rung, loudness-normalised to {@code targetLufs}; null in the plan when the
     * source is silent. {@code measured} is the source's loudness from the analysis (two-pass, linear gain), or
     * null for single-pass dynamic normalisation (the instant rung, which must not wait for a measurement).
     */
    public record AudioPlan(String codec, int sampleRate, int channels, long bitrate, double targetLufs,
            Loudness measured) {
    }

    /** Integrated loudness (LUFS), loudness range (LU) and true peak (dBTP) of the source's audio. */
    public record Loudness(double integrated, double range, double truePeak) {
    }

    /** How the video becomes playable at once, before the ladder runs. */
    public sealed interface InstantPublish permits Remux, FastRung {
    }

    /** The source already plays everywhere: rewrite its container as faststart MP4, no re-encode. */
    public record Remux() implements InstantPublish {
    }

    /** Encode one low rung quickly; the video is playable when it is done. */
    public record FastRung(Rung rung) implements InstantPublish {
    }
}
