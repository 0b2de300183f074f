package io.clipfeed.media;

/**
 * Scores a candidate cover frame: sharp (high variance of the Laplacian, so not blurred by motion) and neither
 * black nor blown out (mean brightness near the middle). Pure, on a luma plane.
 */
public final class CoverScore {

    private CoverScore() {
    }

    /** Higher is better; 0 for frames that are nearly black or nearly white. */
    public static double score(byte[] luma, int width, int height) {
        double mean = mean(luma);
        if (mean < 24 || mean > 232) {
            return 0;
        }
        double brightness = 1.0 - Math.abs(mean - 128) / 128 * 0.6;
        return laplacianVariance(luma, width, height) * brightness;
    }

    static double mean(byte[] luma) {
        long sum = 0;
        for (byte b : luma) {
            sum += b & 0xff;
        }
        return luma.length == 0 ? 0 : (double) sum / luma.length;
    }

    static double laplacianVariance(byte[] luma, int width, int height) {
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (int y = 1; y < height - 1; y++) {
            for (int x = 1; x < width - 1; x++) {
                int at = y * width + x;
                int lap = 4 * (luma[at] & 0xff) - (luma[at - 1] & 0xff) - (luma[at + 1] & 0xff)
                        - (luma[at - width] & 0xff) - (luma[at + width] & 0xff);
                sum += lap;
                squares += (double) lap * lap;
                n++;
            }
        }
        if (n == 0) {
            return 0;
        }
        double average = sum / n;
        return squares / n - average * average;
    }
}
