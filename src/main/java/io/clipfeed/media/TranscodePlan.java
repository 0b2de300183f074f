package io.clipfeed.media;

import java.util.List;

/**
 * Everything the executor needs to turn one source into its renditions, computed from the probe alone
 * ({@link TranscodePlanner}). Frame rate is constant ({@code fps}); every rung has a keyframe exactly every
 * {@code gopFrames} frames, i.e. on every segment boundary, so HLS segments line up across rungs.
 * {@code rotation} is the clockwise turn the encoder applies so outputs need no display matrix.
 */
public record TranscodePlan(int fps, int gopFrames, int segmentSeconds, int rotation, List<Rung> rungs,
        AudioPlan audio, InstantPublish instant) {

    public TranscodePlan {
        rungs = List.copyOf(rungs);
    }

    /**
     * One rendition size. {@code width}×{@code height} are the output's display size (even, square pixels);
     * {@code maxBitrate}/{@code bufferBits} cap the CRF encode so a noisy scene cannot explode the file.
     */
    public record Rung(String name, int width, int height, int crf, long maxBitrate, long bufferBits,
            String preset) {

        public int shortSide() {
            return Math.min(width, height);
        }
    }

    /** AAC-LC, 48 kHz, stereo for every rung; null in the plan when the source is silent. */
    public record AudioPlan(String codec, int sampleRate, int channels, long bitrate) {
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
