package io.clipfeed.delivery;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

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

    /** Per part its header, its bytes and a line break; then the closing boundary. */
    List<MediaAnswer.Piece> pieces() {
        List<MediaAnswer.Piece> pieces = new ArrayList<>(parts.size() * 3 + 1);
        for (ByteRange.Part part : parts) {
            pieces.add(new MediaAnswer.Literal(header(part)));
            pieces.add(new MediaAnswer.Stored(part.first(), part.length()));
            pieces.add(new MediaAnswer.Literal(CRLF));
        }
        pieces.add(new MediaAnswer.Literal(closing()));
        return pieces;
    }

    private byte[] header(ByteRange.Part part) {
        return ("--" + boundary + "\r\nContent-Type: " + contentType + "\r\nContent-Range: bytes " + part.first()
                + '-' + part.last() + '/' + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] closing() {
        return ("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
