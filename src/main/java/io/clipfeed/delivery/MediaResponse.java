package io.clipfeed.delivery;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.clipfeed.storage.Blob;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers one authorised media request: validators and caching headers, 304 for a current copy, and the bytes of
 * the whole blob (200), of one range (206) or of several ({@code multipart/byteranges}, 206), or 416 for a range past
 * the end. Bodies are sent by
 * {@link MediaTransfer}; playlists may leave gzipped.
 */
final class MediaResponse {

    static final String IMMUTABLE = "max-age=31536000, immutable";

    private MediaResponse() {
    }

    static void write(HttpServletRequest request, HttpServletResponse response, MediaPath path, Blob blob,
            Instant lastModified, boolean privateVideo, MediaTransfer transfer) throws IOException {
        String etag = '"' + path.sha256() + '"';
        Instant modified = lastModified.truncatedTo(ChronoUnit.SECONDS);
        headers(response, path, etag, modified, privateVideo);
        if (Preconditions.notModified(request.getHeader("If-None-Match"), request.getHeader("If-Modified-Since"),
                etag, modified)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        long length = blob.size();
        ByteRange range = rangeOf(request, etag, modified, length);
        boolean body = !"HEAD".equals(request.getMethod());
        if (range instanceof ByteRange.Unsatisfiable) {
            response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
            response.setHeader("Content-Range", "bytes */" + length);
            response.setContentLength(0);
        } else if (range instanceof ByteRange.Part part) {
            response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
            response.setHeader("Content-Range", "bytes " + part.first() + '-' + part.last() + '/' + length);
            transfer.send(request, response, path.sha256(), part.first(), part.length(), body);
        } else if (range instanceof ByteRange.Parts parts) {
            new ByteRangesBody(path.contentType(), parts.parts(), length).write(response, transfer, path.sha256());
        } else {
            whole(request, response, path, length, transfer, body);
        }
    }

    private static void headers(HttpServletResponse response, MediaPath path, String etag, Instant modified,
            boolean privateVideo) {
        response.setHeader("ETag", etag);
        response.setHeader("Last-Modified", Preconditions.httpDate(modified));
        // content-addressed: the bytes under a name never change; private videos stay out of shared caches
        response.setHeader("Cache-Control", (privateVideo ? "private, " : "public, ") + IMMUTABLE);
        response.setHeader("Accept-Ranges", "bytes");
        response.setContentType(path.contentType());
        if (MediaTypes.isPlaylist(path.extension())) {
            response.setHeader("Vary", "Accept-Encoding");
        }
    }

    /** Range only applies to GET (RFC 9110 §14.2), and only while If-Range still names this representation. */
    private static ByteRange rangeOf(HttpServletRequest request, String etag, Instant modified, long length) {
        if (!"GET".equals(request.getMethod())
                || !Preconditions.rangeApplies(request.getHeader("If-Range"), etag, modified)) {
            return new ByteRange.Whole();
        }
        return ByteRange.of(request.getHeader("Range"), length);
    }

    private static void whole(HttpServletRequest request, HttpServletResponse response, MediaPath path,
            long length, MediaTransfer transfer, boolean body) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        if (MediaTypes.isPlaylist(path.extension()) && PlaylistGzip.accepted(request)
                && length <= PlaylistGzip.MAX_PLAYLIST_BYTES) {
            byte[] gzipped = PlaylistGzip.compress(transfer.readAll(path.sha256(), length));
            response.setHeader("Content-Encoding", "gzip");
            // another encoding of the same content: a weak validator, still matched by If-None-Match
            response.setHeader("ETag", "W/\"" + path.sha256() + '"');
            response.setContentLength(gzipped.length);
            if (body) {
                response.getOutputStream().write(gzipped);
            }
            return;
        }
        transfer.send(request, response, path.sha256(), 0, length, body);
    }
}
