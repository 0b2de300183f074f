package io.clipfeed.media;

import java.util.List;

/**
 * What the quick analysis pass found out about a source, the input of per-title encoding and two-pass loudness
 * normalisation. {@code trials} are short samples of the source encoded at {@code probeShortSide} at a few CRFs
 * with {@code preset} (the title's per-title encoder effort; null means the ladder's base preset), each with the
 * SSIM it reached against the scaled source and the bits per pixel and frame it spent; per-title picks each rung's
 * CRF from them. {@code fixedTrials} are the same samples encoded with the base preset the fixed ladder uses, from
 * which the fixed ladder's quality is predicted (the same list as {@code trials} when the title keeps the base
 * preset). {@code bitsPerPixel} is the spend of the lowest-CRF trial (kept for the record and as the fallback when
 * no trial could be measured). {@code loudness} is null when the source is silent or its audio could not be
 * measured.
 */
public record SourceAnalysis(double bitsPerPixel, int probeShortSide, TranscodePlan.Loudness loudness,
        List<CrfTrial> trials, String preset, List<CrfTrial> fixedTrials) {

    public SourceAnalysis {
        trials = trials == null ? List.of() : List.copyOf(trials);
        fixedTrials = fixedTrials == null ? trials : List.copyOf(fixedTrials);
    }

    /** Trials at the base preset, which also predict the fixed ladder. */
    public SourceAnalysis(double bitsPerPixel, int probeShortSide, TranscodePlan.Loudness loudness,
            List<CrfTrial> trials) {
        this(bitsPerPixel, probeShortSide, loudness, trials, null, null);
    }

    /** Without quality trials: per-title falls back to the bits-per-pixel prediction. */
    public SourceAnalysis(double bitsPerPixel, int probeShortSide, TranscodePlan.Loudness loudness) {
        this(bitsPerPixel, probeShortSide, loudness, List.of());
    }

    /** One trial encode of the samples: its CRF, the mean SSIM (All, 0–1) it reached and its bits per pixel. */
    public record CrfTrial(int crf, double ssim, double bitsPerPixel) {
    }
}
