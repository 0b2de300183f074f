package io.clipfeed.media.ffmpeg;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * A storyboard sprite for scrubbing: up to {@code maxTiles} upright thumbnails, one every {@code intervalMs},
 * laid out {@code columns} per row in one JPEG. Seeks per tile, so cost grows with the tile count, not the clip.
 */
public final class StoryboardMaker {

    /** The sprite and how it is laid out. */
    public record Sprite(Path file, int tileWidth, int tileHeight, int columns, int tiles, long intervalMs,
            long durationMs) {
    }

    public Sprite make(Path source, int rotation, int tileShortSide, int columns, int maxTiles, Path target) {
        FfmpegLog.install();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(source.toFile());
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.start();
            long durationMs = Math.max(grabber.getLengthInTime() / 1000, 1);
            long intervalMs = Math.max(1000, (durationMs + maxTiles - 1) / maxTiles);
            int tiles = (int) Math.min(maxTiles, (durationMs + intervalMs - 1) / intervalMs);
            boolean quarter = rotation == 90 || rotation == 270;
            double aspect = (double) grabber.getImageWidth() / grabber.getImageHeight();
            double shown = quarter ? 1 / aspect : aspect;
            int tileW = even(shown >= 1 ? tileShortSide * shown : tileShortSide);
            int tileH = even(shown >= 1 ? tileShortSide : tileShortSide / shown);
            int rows = (tiles + columns - 1) / columns;
            BufferedImage sprite = new BufferedImage(tileW * Math.min(columns, tiles), tileH * rows,
                    BufferedImage.TYPE_INT_RGB);
            Graphics2D g = sprite.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            for (int i = 0; i < tiles; i++) {
                grabber.setTimestamp(i * intervalMs * 1000);
                Frame frame = grabber.grabImage();
                if (frame != null) {
                    draw(g, converter.convert(frame), rotation, (i % columns) * tileW, (i / columns) * tileH, tileW,
                            tileH);
                }
            }
            g.dispose();
            ImageIO.write(sprite, "jpg", target.toFile());
            return new Sprite(target, tileW, tileH, columns, tiles, intervalMs, durationMs);
        } catch (FfmpegException e) {
            throw e;
        } catch (Exception e) {
            throw FfmpegException.of("storyboard", e, null);
        }
    }

    private static void draw(Graphics2D g, BufferedImage image, int rotation, int x, int y, int w, int h) {
        Graphics2D tile = (Graphics2D) g.create(x, y, w, h);
        tile.translate(w / 2.0, h / 2.0);
        tile.rotate(Math.toRadians(rotation));
        boolean quarter = rotation == 90 || rotation == 270;
        int drawW = quarter ? h : w;
        int drawH = quarter ? w : h;
        tile.drawImage(image, -drawW / 2, -drawH / 2, drawW, drawH, null);
        tile.dispose();
    }

    private static int even(double value) {
        int rounded = (int) Math.round(value);
        return Math.max(2, rounded - rounded % 2);
    }
}
