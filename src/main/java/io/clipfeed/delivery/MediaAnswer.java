package io.clipfeed.delivery;

import java.util.List;
import java.util.Map;

/**
 * What to answer to one authorised media request, independent of the HTTP server that sends it (Tomcat through
 * {@link MediaResponse}, or the {@link MediaEdge}): status, headers and the body as pieces — literal bytes (a
 * gzipped playlist, multipart boundaries) or a range of the stored blob, which a server sends without copying it
 * through the heap where it can.
 *
 * @param headers  response headers in the order to send, {@code Content-Type} among them; never
 *                 {@code Content-Length}, which servers set from {@link #contentLength()}
 * @param body     the body's pieces in order; also computed for HEAD, whose length is the GET's
 * @param sendBody false for HEAD: the headers (and length) of a GET, no bytes
 */
record MediaAnswer(int status, Map<String, String> headers, List<Piece> body, boolean sendBody) {

    /** A piece of the body. */
    sealed interface Piece {
        long length();
    }

    /** Bytes made for this answer. */
    record Literal(byte[] bytes) implements Piece {
        @Override
        public long length() {
            return bytes.length;
        }
    }

    /** {@code length} bytes of the stored blob from {@code offset}. */
    record Stored(long offset, long length) implements Piece {
    }

    /** The body's length; a 304 has none to declare. */
    long contentLength() {
        long total = 0;
        for (Piece piece : body) {
            total += piece.length();
        }
        return total;
    }

    boolean declaresLength() {
        return status != 304;
    }

    /** The one stored range the body consists of, if it is just that (what sendfile can send). */
    Stored singleStored() {
        return body.size() == 1 && body.get(0) instanceof Stored stored ? stored : null;
    }
}
