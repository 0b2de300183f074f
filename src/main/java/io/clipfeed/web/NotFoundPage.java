package io.clipfeed.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Paths nothing answers. A person following a stale or mistyped link (or one to a page this version does not have,
 * such as {@code /search}) lands in the app, whose router shows its "Page not found" screen with the navigation and a
 * way back to the feed; the status stays 404 so crawlers and link checkers still learn there is nothing there.
 * Paths for programs (the API, media, bundled assets, actuator, API docs) keep the RFC 9457 problem every other
 * error is. Ahead of the platform's problem advice, which would otherwise answer every path.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class NotFoundPage {

    /** Prefixes (with their trailing slash) of paths that are never pages. */
    private static final List<String> MACHINE = List.of("/api/", "/media/", "/assets/", "/actuator/", "/v3/",
            "/swagger-ui/", "/.well-known/");

    private final ClientIndex index;
    private final MediaOrigin media;
    private final ClientSecurityHeaders headers;

    NotFoundPage(ClientIndex index, MediaOrigin media, ClientSecurityHeaders headers) {
        this.index = index;
        this.media = media;
        this.headers = headers;
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<?> notFound(Exception exception, HttpServletRequest request, HttpServletResponse response) {
        if (!isPage(request) || !index.built()) {
            // the very problem the platform's advice answers (the exceptions carry it)
            ErrorResponse problem = (ErrorResponse) exception;
            return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders()).body(problem.getBody());
        }
        headers.apply(response);
        // like the client's other pages: the feed may be reached from here, so its media origin is named
        String html = index.render(MediaOrigin.metaTag(media.corsFor(request)), "", "");
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache()).body(html);
    }

    static boolean isPage(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return false;
        }
        String path = request.getRequestURI() + "/";
        return MACHINE.stream().noneMatch(path::startsWith);
    }
}
