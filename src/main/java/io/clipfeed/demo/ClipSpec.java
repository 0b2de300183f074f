package io.clipfeed.demo;

/**
 * What a generated demo clip looks and sounds like: portrait size, length, two hues (0–1) the background drifts
 * between, a caption, and the frequencies (Hz) of the chord on its sound track.
 */
record ClipSpec(int width, int height, int fps, int durationMs, float hueFrom, float hueTo, String caption,
        double[] chordHz) {

    ClipSpec {
        if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("H.264 4:2:0 needs even, positive dimensions");
        }
        if (fps <= 0 || durationMs <= 0 || chordHz.length == 0) {
            throw new IllegalArgumentException("a clip needs frames and a chord");
        }
    }

    int frames() {
        return (int) Math.round(durationMs / 1000.0 * fps);
    }
}
