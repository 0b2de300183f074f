package io.clipfeed.delivery;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Map;

import io.clipfeed.storage.Blob;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sends a {@link MediaAnswer} through the servlet container: a body that is one stored range goes by
 * {@link MediaTransfer#send} (sendfile where it can), anything else piece by piece.
 */
final class MediaResponse {

    private MediaResponse() {
    }

    static void write(HttpServletRequest request, HttpServletResponse response, MediaPath path, Blob blob,
            Instant lastModified, boolean privateVideo, MediaTransfer transfer) throws IOException {
        MediaRequest view = new MediaRequest() {
            @Override
            public String method() {
                return request.getMethod();
            }

            @Override
            public String header(String name) {
                return request.getHeader(name);
            }
        };
        MediaAnswer answer = MediaAnswers.answer(view, path, blob.size(), lastModified, privateVideo,
                () -> transfer.readAll(path.sha256(), blob.size()));
        response.setStatus(answer.status());
        for (Map.Entry<String, String> header : answer.headers().entrySet()) {
            if ("Content-Type".equals(header.getKey())) {
                response.setContentType(header.getValue());
            } else {
                response.setHeader(header.getKey(), header.getValue());
            }
        }
        if (!answer.declaresLength()) {
            return;
        }
        MediaAnswer.Stored single = answer.singleStored();
        if (single != null) {
            transfer.send(request, response, path.sha256(), single.offset(), single.length(), answer.sendBody());
            return;
        }
        response.setContentLengthLong(answer.contentLength());
        if (!answer.sendBody()) {
            return;
        }
        OutputStream out = response.getOutputStream();
        for (MediaAnswer.Piece piece : answer.body()) {
            if (piece instanceof MediaAnswer.Literal literal) {
                out.write(literal.bytes());
            } else if (piece instanceof MediaAnswer.Stored stored
                    && !transfer.copy(path.sha256(), stored.offset(), stored.length(), out, response)) {
                return; // the client went away
            }
        }
    }
}
