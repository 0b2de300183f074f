package io.clipfeed.delivery;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides the answer to one authorised media request: validators and caching headers, 304 for a current copy, and
 * the whole blob (200), one range (206), several ({@code multipart/byteranges}, 206), or 416 for a range past the
 * end. Playlists may leave gzipped. Both HTTP servers answer through this, so they cannot drift apart.
 */
final class MediaAnswers {

    static final String IMMUTABLE = "max-age=31536000, immutable";

    /** Reads a (small) stored playlist whole, to gzip it. */
    interface PlaylistReader {
        byte[] read() throws IOException;
    }

    private MediaAnswers() {
    }

    static MediaAnswer answer(MediaRequest request, MediaPath path, long length, Instant lastModified,
            boolean privateVideo, PlaylistReader playlist) throws IOException {
        String etag = '"' + path.sha256() + '"';
        Instant modified = lastModified.truncatedTo(ChronoUnit.SECONDS);
        Map<String, String> headers = headers(path, etag, modified, privateVideo);
        boolean body = !"HEAD".equals(request.method());
        if (Preconditions.notModified(request.header("If-None-Match"), request.header("If-Modified-Since"), etag,
                modified)) {
            return new MediaAnswer(304, headers, List.of(), false);
        }
        ByteRange range = rangeOf(request, etag, modified, length);
        if (range instanceof ByteRange.Unsatisfiable) {
            headers.put("Content-Range", "bytes */" + length);
            return new MediaAnswer(416, headers, List.of(), body);
        }
        if (range instanceof ByteRange.Part part) {
            headers.put("Content-Range", "bytes " + part.first() + '-' + part.last() + '/' + length);
            return new MediaAnswer(206, headers, List.of(new MediaAnswer.Stored(part.first(), part.length())),
                    body);
        }
        if (range instanceof ByteRange.Parts parts) {
            ByteRangesBody multipart = new ByteRangesBody(path.contentType(), parts.parts(), length);
            headers.put("Content-Type", multipart.mediaType());
            return new MediaAnswer(206, headers, multipart.pieces(), body);
        }
        if (MediaTypes.isPlaylist(path.extension()) && PlaylistGzip.accepted(request.header("Accept-Encoding"))
                && length <= PlaylistGzip.MAX_PLAYLIST_BYTES) {
            headers.put("Content-Encoding", "gzip");
            // another encoding of the same content: a weak validator, still matched by If-None-Match
            headers.put("ETag", "W/" + etag);
            return new MediaAnswer(200, headers,
                    List.of(new MediaAnswer.Literal(PlaylistGzip.compress(playlist.read()))), body);
        }
        return new MediaAnswer(200, headers, List.of(new MediaAnswer.Stored(0, length)), body);
    }

    private static Map<String, String> headers(MediaPath path, String etag, Instant modified,
            boolean privateVideo) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ETag", etag);
        headers.put("Last-Modified", Preconditions.httpDate(modified));
        // content-addressed: the bytes under a name never change; videos not open to anyone stay out of shared caches
        headers.put("Cache-Control", (privateVideo ? "private, " : "public, ") + IMMUTABLE);
        headers.put("Accept-Ranges", "bytes");
        headers.put("Content-Type", path.contentType());
        if (MediaTypes.isPlaylist(path.extension())) {
            headers.put("Vary", "Accept-Encoding");
        }
        return headers;
    }

    /** Range only applies to GET (RFC 9110 §14.2), and only while If-Range still names this representation. */
    private static ByteRange rangeOf(MediaRequest request, String etag, Instant modified, long length) {
        if (!"GET".equals(request.method())
                || !Preconditions.rangeApplies(request.header("If-Range"), etag, modified)) {
            return new ByteRange.Whole();
        }
        return ByteRange.of(request.header("Range"), length);
    }
}
