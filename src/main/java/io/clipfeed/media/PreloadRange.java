package io.clipfeed.media;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/**
 * The byte range a player needs to start a faststart MP4: everything up to the end of the moov box plus about
 * one second of media. Estimated from the average media rate with a margin, which is what a preload hint needs
 * (fetching a little too much is cheap; too little stalls the first second).
 */
final class PreloadRange {

    private static final double MARGIN = 1.25;

    private PreloadRange() {
    }

    /** Last byte (inclusive) to preload, or null when the file is not a faststart MP4. */
    static Long end(Path mp4, long durationMs) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(mp4.toFile(), "r")) {
            long length = file.length();
            long offset = 0;
            boolean sawMoov = false;
            while (offset + 8 <= length) {
                file.seek(offset);
                long size = file.readInt() & 0xffffffffL;
                String type = readType(file);
                int header = 8;
                if (size == 1) {
                    size = file.readLong();
                    header = 16;
                } else if (size == 0) {
                    size = length - offset;
                }
                if ("moov".equals(type)) {
                    sawMoov = true;
                } else if ("mdat".equals(type)) {
                    return sawMoov ? oneSecondInto(offset + header, size - header, durationMs, length) : null;
                }
                if (size < 8) {
                    return null;
                }
                offset += size;
            }
            return null;
        }
    }

    private static long oneSecondInto(long mediaStart, long mediaBytes, long durationMs, long length) {
        long perSecond = (long) (mediaBytes * 1000.0 / Math.max(durationMs, 1000) * MARGIN);
        return Math.min(length - 1, mediaStart + perSecond);
    }

    private static String readType(RandomAccessFile file) throws IOException {
        byte[] type = new byte[4];
        file.readFully(type);
        return new String(type, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
