package io.clipfeed.media;

/**
 * What the quick analysis pass found out about a source, the input of per-title encoding and two-pass loudness
 * normalisation. {@code bitsPerPixel} is what a fast CRF probe encode of a few short samples at
 * {@code probeShortSide} spent per pixel and frame: low for a static talking head, high for grain, water or
 * confetti. {@code loudness} is null when the source is silent or its audio could not be measured.
 */
public record SourceAnalysis(double bitsPerPixel, int probeShortSide, TranscodePlan.Loudness loudness) {
}
