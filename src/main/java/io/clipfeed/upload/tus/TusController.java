package io.clipfeed.upload.tus;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import io.clipfeed.platform.ApiProblem;
import io.clipfeed.platform.CurrentUsers;
import io.clipfeed.upload.Chunk;
import io.clipfeed.upload.NewUpload;
import io.clipfeed.upload.UploadMetadata;
import io.clipfeed.upload.UploadSession;
import io.clipfeed.upload.UploadSession.Kind;
import io.clipfeed.upload.Uploads;
import jakarta.servlet.http.HttpServletRequest;

/**
 * tus 1.0.0 at {@code /api/v1/uploads}: core (OPTIONS, HEAD, PATCH) plus creation, creation-with-upload,
 * creation-defer-length, expiration, checksum, termination and concatenation. Bodies are read straight from the
 * servlet stream, never buffered whole.
 */
@RestController
@RequestMapping(TusController.BASE)
class TusController {

    static final String BASE = "/api/v1/uploads";
    static final String OFFSET_OCTET_STREAM = "application/offset+octet-stream";
    private static final String EXTENSIONS = "creation,creation-with-upload,creation-defer-length,expiration,"
            + "checksum,termination,concatenation";

    private final Uploads uploads;
    private final TusResponses responses;

    TusController(Uploads uploads, TusResponses responses) {
        this.uploads = uploads;
        this.responses = responses;
    }

    @RequestMapping(method = RequestMethod.OPTIONS, path = {"", "/{id}"})
    ResponseEntity<Void> options() {
        return ResponseEntity.noContent()
                .header("Tus-Version", TusProtocolFilter.VERSION)
                .header("Tus-Extension", EXTENSIONS)
                .header("Tus-Max-Size", String.valueOf(uploads.settings().maxSize().toBytes()))
                .header("Tus-Checksum-Algorithm", io.clipfeed.upload.UploadChecksum.SUPPORTED)
                .build();
    }

    @RequestMapping(method = RequestMethod.POST, path = "")
    ResponseEntity<Void> create(HttpServletRequest request) throws IOException {
        String owner = CurrentUsers.require().id();
        Long length = TusHeaders.length("Upload-Length", request.getHeader("Upload-Length"));
        boolean defer = TusHeaders.deferLength(request.getHeader("Upload-Defer-Length"));
        TusHeaders.Concat concat = TusHeaders.concat(request.getHeader("Upload-Concat"));
        checkLengthHeaders(length, defer, concat.kind());
        String rawMetadata = request.getHeader("Upload-Metadata");
        UploadMetadata metadata = UploadMetadata.of(TusHeaders.metadata(rawMetadata), blankToNull(rawMetadata));
        boolean withBody = hasBody(request);
        UploadSession session = uploads.create(owner, new NewUpload(length, concat.kind(), concat.partIds(),
                metadata));
        if (withBody && session.kind() != Kind.FINAL) {
            session = responses.appendOnCreation(owner, session, request);
        }
        return responses.created(session);
    }

    @RequestMapping(method = RequestMethod.HEAD, path = "/{id}")
    ResponseEntity<Void> head(@PathVariable String id) {
        return responses.state(uploads.get(CurrentUsers.require().id(), id));
    }

    @RequestMapping(method = RequestMethod.PATCH, path = "/{id}")
    ResponseEntity<Void> patch(@PathVariable String id, HttpServletRequest request) throws IOException {
        String owner = CurrentUsers.require().id();
        requireOffsetStream(request);
        Chunk chunk = TusResponses.chunk(request, TusHeaders.requiredOffset(request.getHeader("Upload-Offset")));
        UploadSession session = uploads.append(owner, id, chunk);
        return responses.appended(session);
    }

    @RequestMapping(method = RequestMethod.DELETE, path = "/{id}")
    ResponseEntity<Void> terminate(@PathVariable String id) {
        uploads.terminate(CurrentUsers.require().id(), id);
        return ResponseEntity.noContent().build();
    }

    /** Not tus: where an upload stands for the web client (and tests), including once it has been stored. */
    @RequestMapping(method = RequestMethod.GET, path = "/{id}")
    UploadStatus status(@PathVariable String id) {
        return UploadStatus.of(uploads.get(CurrentUsers.require().id(), id));
    }

    private static void checkLengthHeaders(Long length, boolean defer, Kind kind) {
        if (kind == Kind.FINAL) {
            if (length != null || defer) {
                throw ApiProblem.badRequest("A final upload takes its length from its partial uploads.");
            }
        } else if (length != null && defer) {
            throw ApiProblem.badRequest("Send either Upload-Length or Upload-Defer-Length, not both.");
        } else if (length == null && !defer) {
            throw ApiProblem.badRequest("Upload-Length (or Upload-Defer-Length: 1) is required.");
        } else if (length != null && length == 0) {
            throw ApiProblem.badRequest("An empty file is not a video.");
        }
    }

    private static boolean hasBody(HttpServletRequest request) {
        boolean declared = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        if (declared && !isOffsetStream(request)) {
            throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type",
                    "A creation request may carry data only as " + OFFSET_OCTET_STREAM + ".");
        }
        return declared;
    }

    private static void requireOffsetStream(HttpServletRequest request) {
        if (!isOffsetStream(request)) {
            throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type",
                    "PATCH requests must have Content-Type: " + OFFSET_OCTET_STREAM + ".");
        }
    }

    static boolean isOffsetStream(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.split(";")[0].trim().equalsIgnoreCase(OFFSET_OCTET_STREAM);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static HttpHeaders noStore() {
        HttpHeaders h = new HttpHeaders();
        h.setCacheControl("no-store");
        return h;
    }
}
