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
 * measured. {@code searches} are the whole-rung quality searches of a title small enough for them ({@link
 * QualitySearch}): per H.264 rung, what the fixed ladder reaches on it and the CRFs tried; empty otherwise.
 */
public record SourceAnalysis(double bitsPerPixel, int probeShortSide, TranscodePlan.Loudness loudness,
        List<CrfTrial> trials, String preset, List<CrfTrial> fixedTrials, List<SearchedRung> searches) {

    public SourceAnalysis {
        trials = trials == null ? List.of() : List.copyOf(trials);
        fixedTrials = fixedTrials == null ? trials : List.copyOf(fixedTrials);
        searches = searches == null ? List.of() : List.copyOf(searches);
    }

    /** From sample trials alone (no whole-rung search). */
    public SourceAnalysis(double bitsPerPixel, int probeShortSide, TranscodePlan.Loudness loudness,
            List<CrfTrial> trials, String preset, List<CrfTrial> fixedTrials) {
        this(bitsPerPixel, probeShortSide, loudness, trials, preset, fixedTrials, List.of());
    }

    /** The same analysis with the whole-rung searches' measurements. */
    public SourceAnalysis withSearches(List<SearchedRung> measured) {
        return new SourceAnalysis(bitsPerPixel, probeShortSide, loudness, trials, preset, fixedTrials, measured);
    }

    /** The search of the {@code width}×{@code height} rung, or null if that rung was not searched. */
    public SearchedRung searched(int width, int height) {
        return searches.stream().filter(s -> s.width() == width && s.height() == height).findFirst().orElse(null);
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

    /** One whole-rung encode: its CRF (NaN for the fixed ladder's ABR), mean SSIM over every frame, video bitrate. */
    public record Measured(double crf, double ssim, long bitrate) {
    }

    /**
     * A rung's quality search: {@code fixedLadder} is the fixed ladder's own encode of the rung (base preset, ABR at
     * the Apple rate), {@code encodes} the title's preset at the CRFs tried, in the order tried.
     */
    public record SearchedRung(int width, int height, Measured fixedLadder, List<Measured> encodes) {

        public SearchedRung {
            encodes = List.copyOf(encodes);
        }

        public SearchedRung with(Measured encode) {
            List<Measured> more = new java.util.ArrayList<>(encodes);
            more.add(encode);
            return new SearchedRung(width, height, fixedLadder, more);
        }
    }
}
