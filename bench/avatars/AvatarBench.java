package io.clipfeed.social;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import javax.imageio.ImageIO;

/**
 * Time to turn an upload into the stored avatar (decode, crop, 256×256, JPEG), per picture size, median of 7 runs
 * after 3 warm-ups; the baseline is plain ImageIO.read of the same bytes, measured in the same run.
 * Run from the repository root: see docs/BENCHMARKS.md.
 */
public class AvatarBench {

    public static void main(String[] args) throws Exception {
        for (int side : new int[] {1080, 3024, 4096}) {
            byte[] jpeg = photo(side * 4 / 3 > 4096 ? 4096 : side * 4 / 3, side);
            long decode = median(() -> ImageIO.read(new java.io.ByteArrayInputStream(jpeg)));
            long avatar = median(() -> AvatarImage.process(jpeg));
            System.out.printf("%dx%d JPEG %d KB: ImageIO.read %d ms, avatar %d ms, ratio %.2f%n",
                    side * 4 / 3 > 4096 ? 4096 : side * 4 / 3, side, jpeg.length / 1024, decode, avatar,
                    (double) avatar / decode);
        }
    }

    interface Work {
        Object run() throws Exception;
    }

    static long median(Work work) throws Exception {
        for (int i = 0; i < 3; i++) {
            work.run();
        }
        long[] ms = new long[7];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - t) / 1_000_000;
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }

    static byte[] photo(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.ORANGE, width, height, Color.BLUE));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        for (int i = 0; i < 200; i++) {
            g.drawLine(i * width / 200, 0, width - i * width / 200, height);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }
}
