package io.clipfeed.media;

import java.util.List;

/**
 * What the quick analysis pass found out about a source, the input of per-title encoding and two-pass loudness
 * normalisation. {@code trials} are short samples of the source encoded at {@code probeShortSide} with the ladder's
 * preset at a few CRFs, each with the SSIM it reached against the scaled source and the bits per pixel and frame
 * it spent; per-title picks each rung's CRF from them. {@code bitsPerPixel} is the spend of the lowest-CRF trial
 * (kept for the record and as the fallback when no trial could be measured). {@code loudness} is null when the
 * source is silent or its audio could not be measured.
 */
public record SourceAnalysis(double bitsPerPixel, int probeShortSide, TranscodePlan.Loudness loudness,
        List<CrfTrial> trials) {

    public SourceAnalysis {
        trials = trials == null ? List.of() : List.copyOf(trials);
    }

    /** Without quality trials: per-title falls back to the bits-per-pixel prediction. */
    public SourceAnalysis(double bitsPerPixel, int probeShortSide, TranscodePlan.Loudness loudness) {
        this(bitsPerPixel, probeShortSide, loudness, List.of());
    }

    /** One trial encode of the samples: its CRF, the mean SSIM (All, 0–1) it reached and its bits per pixel. */
    public record CrfTrial(int crf, double ssim, double bitsPerPixel) {
    }
}
