package io.clipfeed.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.*;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * A storyboard sprite for scrubbing: up to {@code maxTiles} upright thumbnails, one every {@code intervalMs},
 * laid out {@code columns} per row in one JPEG. Each tile is scaled and turned by libavfilter straight from the
 * decoded frame to its own small size and converted to RGB only there.
 */
public final class StoryboardMaker {

    /** The sprite and how it is laid out. */
    public record Sprite(Path file, int tileWidth, int tileHeight, int columns, int tiles, long intervalMs,
            long durationMs) {
    }

    /** Reads the source on its own (see {@link CoverArt} to share one decode with the covers and preview). */
    public Sprite make(Path source, int rotation, int tileShortSide, int columns, int maxTiles, Path target) {
        try (FramePass pass = new FramePass(source)) {
            Tiles tiles = new Tiles(pass, rotation, tileShortSide, columns, maxTiles);
            pass.run(List.of(tiles));
            return tiles.write(target);
        }
    }

    /** The storyboard as a tap of a {@link FramePass}: tiles are drawn into the sprite as they are taken. */
    static final class Tiles implements FramePass.Tap {

        private final int rotation;
        private final int columns;
        private final int tiles;
        private final long intervalMs;
        private final long durationMs;
        private final int tileW;
        private final int tileH;
        private final BufferedImage sprite;
        private int next;

        Tiles(FramePass pass, int rotation, int tileShortSide, int columns, int maxTiles) {
            this.rotation = rotation;
            this.columns = columns;
            this.durationMs = Math.max(pass.durationMicros() / 1000, 1);
            this.intervalMs = Math.max(1000, (durationMs + maxTiles - 1) / maxTiles);
            this.tiles = (int) Math.min(maxTiles, (durationMs + intervalMs - 1) / intervalMs);
            boolean quarter = rotation == 90 || rotation == 270;
            double aspect = (double) pass.width() / pass.height();
            double shown = quarter ? 1 / aspect : aspect;
            this.tileW = SmallPictures.even(shown >= 1 ? tileShortSide * shown : tileShortSide);
            this.tileH = SmallPictures.even(shown >= 1 ? tileShortSide : tileShortSide / shown);
            int rows = (tiles + columns - 1) / columns;
            this.sprite = new BufferedImage(tileW * Math.min(columns, tiles), tileH * rows,
                    BufferedImage.TYPE_3BYTE_BGR);
        }

        @Override
        public long wanted() {
            return next < tiles ? next * intervalMs * 1000 : Long.MAX_VALUE;
        }

        @Override
        public void take(AVFrame frame, long micros) {
            int tile = next++;
            AVFrame small = SmallPictures.filterOnce(frame, SmallPictures.chain(rotation, tileW, tileH, "bgr24"));
            try {
                byte[] pixels = ((DataBufferByte) sprite.getRaster().getDataBuffer()).getData();
                int x = (tile % columns) * tileW;
                int y = (tile / columns) * tileH;
                int rowBytes = Math.min(small.width(), tileW) * 3;
                for (int row = 0; row < Math.min(small.height(), tileH); row++) {
                    small.data(0).position((long) row * small.linesize(0))
                            .get(pixels, ((y + row) * sprite.getWidth() + x) * 3, rowBytes);
                }
            } finally {
                av_frame_free(small);
            }
        }

        Sprite write(Path target) {
            try {
                ImageIO.write(sprite, "jpg", target.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Sprite(target, tileW, tileH, columns, tiles, intervalMs, durationMs);
        }
    }
}
