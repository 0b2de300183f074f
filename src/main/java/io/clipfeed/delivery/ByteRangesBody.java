package io.clipfeed.delivery;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A {@code multipart/byteranges} answer (RFC 9110 §14.6): one part per range, each with its own
 * {@code Content-Type} and {@code Content-Range}, between boundaries. The boundary is random per response, so the
 * stored bytes (which an uploader chose) cannot contain it on purpose. The length is computed up front, so the
 * answer has a {@code Content-Length} (HEAD never gets here: ranges apply to GET only).
 */
final class ByteRangesBody {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] CRLF = {'\r', '\n'};

    private final String boundary;
    private final String contentType;
    private final List<ByteRange.Part> parts;
    private final long length;

    ByteRangesBody(String contentType, List<ByteRange.Part> parts, long length) {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        this.boundary = "clipfeed-" + HexFormat.of().formatHex(bytes);
        this.contentType = contentType;
        this.parts = parts;
        this.length = length;
    }

    String mediaType() {
        return "multipart/byteranges; boundary=" + boundary;
    }

    /** Headers, bytes and a line break per part, then the closing boundary. */
    long contentLength() {
        long total = closing().length;
        for (ByteRange.Part part : parts) {
            total += header(part).length + part.length() + CRLF.length;
        }
        return total;
    }

    void write(HttpServletResponse response, MediaTransfer transfer, String sha256) throws IOException {
        response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
        response.setContentType(mediaType());
        response.setContentLengthLong(contentLength());
        OutputStream out = response.getOutputStream();
        for (ByteRange.Part part : parts) {
            out.write(header(part));
            if (!transfer.copy(sha256, part.first(), part.length(), out, response)) {
                return; // the client went away
            }
            out.write(CRLF);
        }
        out.write(closing());
    }

    private byte[] header(ByteRange.Part part) {
        return ("--" + boundary + "\r\nContent-Type: " + contentType + "\r\nContent-Range: bytes " + part.first()
                + '-' + part.last() + '/' + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] closing() {
        return ("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
