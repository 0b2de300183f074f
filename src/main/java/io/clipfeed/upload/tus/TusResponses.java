package io.clipfeed.upload.tus;

import java.io.IOException;
import java.net.URI;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.clipfeed.platform.ApiProblem;
import io.clipfeed.upload.Chunk;
import io.clipfeed.upload.UploadSession;
import io.clipfeed.upload.UploadSession.Kind;
import io.clipfeed.upload.UploadSession.State;
import io.clipfeed.upload.Uploads;
import jakarta.servlet.http.HttpServletRequest;

/** The tus response headers for an upload's state, and the reading of a chunk from a request. */
@Component
class TusResponses {

    private static final Logger log = LoggerFactory.getLogger(TusResponses.class);
    private final Uploads uploads;

    TusResponses(Uploads uploads) {
        this.uploads = uploads;
    }

    static Chunk chunk(HttpServletRequest request, long offset) throws IOException {
        Long declared = TusHeaders.length("Upload-Length", request.getHeader("Upload-Length"));
        long contentLength = request.getContentLengthLong();
        return new Chunk(offset, declared, contentLength >= 0 ? contentLength : null, request.getInputStream(),
                TusHeaders.checksum(request.getHeader("Upload-Checksum")));
    }

    /**
     * creation-with-upload: the upload exists whatever happens to its first chunk, so a rejected chunk is not an
     * error here; the response's Upload-Offset tells the client where to continue with PATCH.
     */
    UploadSession appendOnCreation(String owner, UploadSession session, HttpServletRequest request)
            throws IOException {
        try {
            return uploads.append(owner, session.id(), chunk(request, 0));
        } catch (ApiProblem e) {
            log.info("First chunk of upload {} not accepted ({}); the client continues with PATCH",
                    session.id(), e.getStatusCode().value());
            return uploads.get(owner, session.id());
        }
    }

    ResponseEntity<Void> created(UploadSession s) {
        HttpHeaders h = expiry(s);
        h.setLocation(location(s.id()));
        if (s.videoId() != null) {
            h.set("Clipfeed-Video-Id", s.videoId());
        }
        if (s.kind() != Kind.FINAL) {
            h.set("Upload-Offset", String.valueOf(s.offset()));
        }
        return new ResponseEntity<>(h, HttpStatus.CREATED);
    }

    ResponseEntity<Void> appended(UploadSession s) {
        HttpHeaders h = expiry(s);
        h.set("Upload-Offset", String.valueOf(s.offset()));
        return new ResponseEntity<>(h, HttpStatus.NO_CONTENT);
    }

    ResponseEntity<Void> state(UploadSession s) {
        HttpHeaders h = expiry(s);
        h.setCacheControl("no-store");
        h.set("Upload-Offset", String.valueOf(s.offset()));
        if (s.lengthKnown()) {
            h.set("Upload-Length", String.valueOf(s.length()));
        } else {
            h.set("Upload-Defer-Length", "1");
        }
        if (s.metadata() != null) {
            h.set("Upload-Metadata", s.metadata());
        }
        if (s.kind() == Kind.PARTIAL) {
            h.set("Upload-Concat", "partial");
        } else if (s.kind() == Kind.FINAL) {
            h.set("Upload-Concat", "final;" + s.partIds().stream().map(id -> TusController.BASE + "/" + id)
                    .collect(Collectors.joining(" ")));
        }
        if (s.videoId() != null) {
            h.set("Clipfeed-Video-Id", s.videoId());
        }
        return new ResponseEntity<>(h, HttpStatus.OK);
    }

    private static HttpHeaders expiry(UploadSession s) {
        HttpHeaders h = new HttpHeaders();
        if (s.state() == State.RECEIVING || (s.kind() == Kind.PARTIAL && s.state() == State.COMPLETED)) {
            h.setInstant("Upload-Expires", s.expiresAt());
        }
        return h;
    }

    private static URI location(String id) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(TusController.BASE + "/{id}")
                .buildAndExpand(id).toUri();
    }
}
