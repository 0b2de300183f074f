package io.clipfeed.media;

import java.util.Locale;

/**
 * The WebVTT index of a storyboard sprite: one cue per tile, pointing into the sprite with a media fragment
 * ({@code #xywh=}), which is how players show scrubbing thumbnails. Pure text.
 */
final class StoryboardVtt {

    private StoryboardVtt() {
    }

    static String of(String spriteUri, int tileWidth, int tileHeight, int columns, long intervalMs, int tiles,
            long durationMs) {
        StringBuilder vtt = new StringBuilder("WEBVTT\n");
        for (int i = 0; i < tiles; i++) {
            long start = i * intervalMs;
            long end = i == tiles - 1 ? Math.max(durationMs, start + 1) : start + intervalMs;
            int x = (i % columns) * tileWidth;
            int y = (i / columns) * tileHeight;
            vtt.append('\n').append(time(start)).append(" --> ").append(time(end)).append('\n')
                    .append(spriteUri).append("#xywh=").append(x).append(',').append(y).append(',')
                    .append(tileWidth).append(',').append(tileHeight).append('\n');
        }
        return vtt.toString();
    }

    static String time(long ms) {
        return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60,
                ms % 1000);
    }
}
