package io.clipfeed.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class CoverScoreTest {

    private static final int W = 64;
    private static final int H = 48;

    private static byte[] detailed(int base, int amplitude) {
        byte[] luma = new byte[W * H];
        Random random = new Random(1);
        for (int i = 0; i < luma.length; i++) {
            luma[i] = (byte) Math.max(0, Math.min(255, base + random.nextInt(2 * amplitude + 1) - amplitude));
        }
        return luma;
    }

    private static byte[] blurred(byte[] luma) {
        byte[] out = luma.clone();
        for (int y = 1; y < H - 1; y++) {
            for (int x = 1; x < W - 1; x++) {
                int sum = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        sum += luma[(y + dy) * W + x + dx] & 0xff;
                    }
                }
                out[y * W + x] = (byte) (sum / 9);
            }
        }
        return out;
    }

    @Test
    void blackFramesNeverWin() {
        byte[] black = new byte[W * H];
        Arrays.fill(black, (byte) 4);
        assertThat(CoverScore.score(black, W, H)).isZero();
    }

    @Test
    void sharpBeatsBlurredAtTheSameBrightness() {
        byte[] sharp = detailed(128, 60);
        assertThat(CoverScore.score(sharp, W, H)).isGreaterThan(CoverScore.score(blurred(sharp), W, H));
    }

    @Test
    void midToneBeatsDarkAtTheSameDetail() {
        assertThat(CoverScore.score(detailed(128, 20), W, H)).isGreaterThan(CoverScore.score(detailed(50, 20), W, H));
    }
}
