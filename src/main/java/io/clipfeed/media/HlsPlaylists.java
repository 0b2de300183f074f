package io.clipfeed.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rewrites FFmpeg's media playlists to content-addressed relative URIs and writes the master playlist. Pure text
 * work, so it is unit-tested on its own. Every URI is {@code <sha256>.<ext>}, which lets delivery serve a whole
 * package under one signed per-video prefix.
 */
final class HlsPlaylists {

    /** One variant as the master playlist announces it. */
    record Variant(String playlistUri, String codecs, int width, int height, int fps, long peakBitrate,
            long averageBitrate) {
    }

    /** A segment URI and its duration, as read from a media playlist. */
    record Segment(String uri, double seconds) {
    }

    private HlsPlaylists() {
    }

    static List<Segment> segments(String mediaPlaylist) {
        List<Segment> segments = new ArrayList<>();
        double pending = 0;
        for (String line : mediaPlaylist.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#EXTINF:")) {
                pending = Double.parseDouble(trimmed.substring(8).split(",")[0]);
            } else if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                segments.add(new Segment(trimmed, pending));
            }
        }
        return segments;
    }

    static String initUri(String mediaPlaylist) {
        for (String line : mediaPlaylist.split("\n")) {
            int at = line.indexOf("#EXT-X-MAP:URI=\"");
            if (at >= 0) {
                int start = at + "#EXT-X-MAP:URI=\"".length();
                return line.substring(start, line.indexOf('"', start));
            }
        }
        throw new IllegalArgumentException("media playlist without EXT-X-MAP");
    }

    /** Replaces every file name FFmpeg wrote with its stored name. */
    static String rewrite(String mediaPlaylist, Map<String, String> storedNames) {
        StringBuilder out = new StringBuilder();
        for (String line : mediaPlaylist.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#EXT-X-MAP:URI=\"")) {
                String uri = initUri(trimmed);
                out.append(trimmed.replace("\"" + uri + "\"", "\"" + require(storedNames, uri) + "\""));
            } else if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                out.append(require(storedNames, trimmed));
            } else {
                out.append(trimmed);
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String require(Map<String, String> names, String uri) {
        String stored = names.get(uri);
        if (stored == null) {
            throw new IllegalArgumentException("no stored file for " + uri);
        }
        return stored;
    }

    static String master(List<Variant> variants) {
        StringBuilder out = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        for (Variant v : variants) {
            out.append(String.format(Locale.ROOT,
                    "#EXT-X-STREAM-INF:BANDWIDTH=%d,AVERAGE-BANDWIDTH=%d,CODECS=\"%s\",RESOLUTION=%dx%d,"
                            + "FRAME-RATE=%.3f%n%s%n",
                    v.peakBitrate(), v.averageBitrate(), v.codecs(), v.width(), v.height(), (double) v.fps(),
                    v.playlistUri()));
        }
        return out.toString();
    }
}
