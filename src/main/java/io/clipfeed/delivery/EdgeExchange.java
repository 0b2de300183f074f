package io.clipfeed.delivery;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpMethod;
import org.springframework.web.cors.CorsConfiguration;

import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoAccess;
import io.clipfeed.platform.ApiProblem;
import io.clipfeed.platform.ProblemWriter;
import io.clipfeed.storage.Blob;
import io.clipfeed.storage.BlobNotFoundException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;

/**
 * What the {@link MediaEdge} answers to one request, decided as the servlet path decides it: the same
 * {@link MediaAccess} check (signature, expiry, removed or private video, asset membership), the same
 * {@link MediaAnswers}, CORS as the main server's configuration allows, and RFC 9457 bodies for errors. Viewer-bound
 * (private) links are refused here: the edge knows no sessions, and such links are never pointed at it.
 */
final class EdgeExchange {

    private static final String EXPOSED = "Content-Range, Accept-Ranges, Content-Length, ETag";

    private final MediaAccess access;
    private final ServedBlobs blobs;
    private final ServableVideos videos;
    private final CorsConfiguration cors;
    private final EdgeFiles files;

    EdgeExchange(MediaAccess access, ServedBlobs blobs, ServableVideos videos, CorsConfiguration cors,
            EdgeFiles files) {
        this.access = access;
        this.blobs = blobs;
        this.videos = videos;
        this.cors = cors;
        this.files = files;
    }

    /** A reply: an answer to send, and for stored pieces the blob and the local file they come from. */
    record Reply(MediaAnswer answer, String sha256, Path file, boolean close) {
    }

    /** Whether {@link #reply} would have to wait for the database or the store (then it runs off the event loop). */
    boolean needsLookup(HttpRequest request, Optional<MediaPath> path) {
        if (request.decoderResult().isFailure() || !isGetOrHead(request)) {
            return false;
        }
        return path.isPresent() && !(videos.known(path.get().videoId(), path.get().sha256())
                && blobs.known(path.get().sha256()));
    }

    /** The media file a request names, parsed once for {@link #needsLookup} and {@link #reply}. */
    Optional<MediaPath> pathOf(HttpRequest request) {
        return request.decoderResult().isFailure() ? Optional.empty() : path(request);
    }

    Reply reply(HttpRequest request, Optional<MediaPath> parsed) {
        if (request.decoderResult().isFailure()) {
            return badRequest(request.decoderResult().cause());
        }
        Map<String, String> corsHeaders = new LinkedHashMap<>();
        String origin = request.headers().get(HttpHeaderNames.ORIGIN);
        if (origin != null) {
            String allowed = cors.checkOrigin(origin);
            if (allowed == null) {
                return problem(403, "Forbidden", "Media may not be fetched from this origin.", false);
            }
            corsHeaders.put("Access-Control-Allow-Origin", allowed);
        }
        if (HttpMethod.OPTIONS.name().equals(request.method().name())) {
            return preflight(request.headers(), corsHeaders);
        }
        if (!isGetOrHead(request)) {
            Reply refused = problem(405, "Method Not Allowed", "Media files are read with GET or HEAD.", true);
            refused.answer().headers().put("Allow", "GET, HEAD, OPTIONS");
            return refused;
        }
        if (parsed.isEmpty()) {
            return problem(404, "Not Found", "No media file has this address.", false);
        }
        MediaPath path = parsed.get();
        try {
            Video video = access.check(path, Optional.empty());
            Blob blob = blobs.find(path.sha256())
                    .orElseThrow(() -> ApiProblem.notFound("This file is no longer stored."));
            Path open = files.knownPath(path.sha256());
            Path file = open != null ? open : blobs.localFile(path.sha256());
            Instant modified = video.createdAt() == null ? Instant.EPOCH : video.createdAt();
            MediaAnswer answer = MediaAnswers.answer(view(request), path, blob.size(), modified,
                    !VideoAccess.isOpen(video), () -> Files.readAllBytes(file));
            if (origin != null) {
                corsHeaders.put("Access-Control-Expose-Headers", EXPOSED);
                answer.headers().merge("Vary", "Origin", (a, b) -> a + ", " + b);
            }
            answer.headers().putAll(corsHeaders);
            return new Reply(answer, path.sha256(), file, false);
        } catch (ApiProblem e) {
            return problem(e.getStatusCode().value(), e.getBody().getTitle(), e.getBody().getDetail(), false);
        } catch (NoSuchFileException | FileNotFoundException | BlobNotFoundException e) {
            forget(path.sha256()); // released between lookup and read
            return problem(404, "Not Found", "This file is no longer stored.", false);
        } catch (IOException e) {
            return problem(503, "Service Unavailable", "This file cannot be read right now; try again.", false);
        }
    }

    void forget(String sha256) {
        blobs.forget(sha256);
        files.forget(sha256);
    }

    static Reply problem(int status, String title, String detail, boolean close) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/problem+json");
        headers.put("Cache-Control", "no-store");
        byte[] body = ProblemWriter.body(status, title == null ? "Error" : title, detail == null ? "" : detail)
                .getBytes(StandardCharsets.UTF_8);
        return new Reply(new MediaAnswer(status, headers, List.of(new MediaAnswer.Literal(body)), true), null,
                null, close);
    }

    private Reply preflight(HttpHeaders request, Map<String, String> corsHeaders) {
        String method = request.get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_METHOD);
        if (method == null) {
            Reply allow = new Reply(new MediaAnswer(204, new LinkedHashMap<>(corsHeaders), List.of(), false), null,
                    null, false);
            allow.answer().headers().put("Allow", "GET, HEAD, OPTIONS");
            return allow;
        }
        String requested = request.get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS);
        List<String> headers = requested == null || requested.isBlank() ? List.of()
                : Arrays.stream(requested.split(",")).map(String::trim).filter(h -> !h.isEmpty()).toList();
        List<String> allowedHeaders = cors.checkHeaders(headers);
        if (corsHeaders.isEmpty() || !("GET".equals(method) || "HEAD".equals(method)) || allowedHeaders == null) {
            return problem(403, "Forbidden", "This cross-origin request is not allowed for media.", false);
        }
        Map<String, String> headersOut = new LinkedHashMap<>(corsHeaders);
        headersOut.put("Access-Control-Allow-Methods", "GET, HEAD");
        if (!allowedHeaders.isEmpty()) {
            headersOut.put("Access-Control-Allow-Headers", String.join(", ", allowedHeaders));
        }
        headersOut.put("Access-Control-Max-Age", "86400");
        headersOut.put("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
        return new Reply(new MediaAnswer(200, headersOut, List.of(), false), null, null, false);
    }

    private static Reply badRequest(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return problem(414, "URI Too Long", "The request line is longer than "
                    + MediaEdge.MAX_INITIAL_LINE + " bytes.", true);
        }
        if (cause instanceof TooLongHttpHeaderException || cause instanceof TooLongFrameException) {
            return problem(431, "Request Header Fields Too Large", "The request headers are longer than "
                    + MediaEdge.MAX_HEADER_BYTES + " bytes.", true);
        }
        return problem(400, "Bad Request", "This is not a valid HTTP request.", true);
    }

    private static boolean isGetOrHead(HttpRequest request) {
        String method = request.method().name();
        return "GET".equals(method) || "HEAD".equals(method);
    }

    /** {@code /media/v/{videoId}/{expires}/{signature}/{file}} exactly; a query string is ignored. */
    private static Optional<MediaPath> path(HttpRequest request) {
        String raw = new QueryStringDecoder(request.uri()).rawPath();
        if (!raw.startsWith(MediaPath.PREFIX)) {
            return Optional.empty();
        }
        String[] parts = raw.substring(MediaPath.PREFIX.length()).split("/", -1);
        return parts.length == 4 ? MediaPath.parse(parts[0], parts[1], parts[2], parts[3]) : Optional.empty();
    }

    private static MediaRequest view(HttpRequest request) {
        return new MediaRequest() {
            @Override
            public String method() {
                return request.method().name();
            }

            @Override
            public String header(String name) {
                return request.headers().get(name);
            }
        };
    }
}
