package io.clipfeed.web;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The web client routes by URL path (history API), so a reload or a shared link such as {@code /upload} must land
 * on the client too. Only the client's own pages are listed: any other path is answered 404 (with the client's own
 * "not found" screen, {@link NotFoundPage}) instead of a page that pretends to exist. Keep in step with the route
 * table in {@code src/main/web/src/main.js}. When media comes from a CORS-answering edge, the page names it
 * ({@link MediaOrigin}): the feed may be reached from any of them.
 */
@Controller
class PageRoutes {

    static final String CLIENT = "forward:/index.html";

    /** The client's page routes (besides the root); also the pages that get the client's security headers. */
    static final String[] ROUTES = {"/signin", "/signup", "/upload", "/me/videos", "/notifications"};

    /** Client pages with a parameter (profiles by username or id); the same shapes as the client's route table. */
    static final java.util.regex.Pattern PARAMETERISED = java.util.regex.Pattern.compile(
            "/@[A-Za-z0-9_.]{3,30}|/u/[A-Za-z0-9]{8,40}");

    private final ClientIndex index;
    private final MediaOrigin media;

    PageRoutes(ClientIndex index, MediaOrigin media) {
        this.index = index;
        this.media = media;
    }

    @GetMapping({"/signin", "/signup", "/upload", "/me/videos", "/notifications"}) // = ROUTES (a literal array)
    Object clientPage(HttpServletRequest request) {
        return page(request);
    }

    @GetMapping({"/@{username:[A-Za-z0-9_.]{3,30}}", "/u/{id:[A-Za-z0-9]{8,40}}"}) // = PARAMETERISED
    Object profilePage(HttpServletRequest request) {
        return page(request);
    }

    /** The static index.html, or, when there is a CORS media origin to name, the same page with its meta tag. */
    private Object page(HttpServletRequest request) {
        Optional<String> cors = media.corsFor(request);
        if (cors.isEmpty() || !index.built()) {
            return new ModelAndView(CLIENT);
        }
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache()).body(index.render(MediaOrigin.metaTag(cors), "", ""));
    }
}
