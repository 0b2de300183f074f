package io.clipfeed.delivery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;

/**
 * Gzip for HLS playlists. The container's own compression skips responses with a strong ETag (and small ones), so
 * delivery compresses playlists itself; media segments are already compressed and always leave as they are.
 */
final class PlaylistGzip {

    static final long MAX_PLAYLIST_BYTES = 1 << 20;

    private PlaylistGzip() {
    }

    static boolean accepted(String accept) {
        if (accept == null || accept.length() > 256) {
            return false;
        }
        for (String coding : accept.split(",")) {
            String[] parts = coding.trim().split(";");
            if (parts[0].trim().equalsIgnoreCase("gzip")) {
                return parts.length == 1 || !parts[1].trim().matches("q=0(\\.0{0,3})?");
            }
        }
        return false;
    }

    static byte[] compress(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 2 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(plain);
        }
        return out.toByteArray();
    }
}
