package io.clipfeed.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The web client routes by URL path (history API), so a reload or a shared link such as {@code /upload} must land
 * on the client too. Only the client's own pages are listed: any other path stays a real 404 instead of a page
 * that pretends to exist. Keep in step with the route table in {@code src/main/web/src/main.js}.
 */
@Controller
class PageRoutes {

    static final String CLIENT = "forward:/index.html";

    /** The client's page routes (besides the root); also the pages that get the client's security headers. */
    static final String[] ROUTES = {"/signin", "/signup", "/upload", "/me/videos", "/notifications"};

    /** Client pages with a parameter (profiles by username or id); the same shapes as the client's route table. */
    static final java.util.regex.Pattern PARAMETERISED = java.util.regex.Pattern.compile(
            "/@[A-Za-z0-9_.]{3,30}|/u/[A-Za-z0-9]{8,40}");

    @GetMapping({"/signin", "/signup", "/upload", "/me/videos", "/notifications"}) // = ROUTES (a literal array)
    String clientPage() {
        return CLIENT;
    }

    @GetMapping({"/@{username:[A-Za-z0-9_.]{3,30}}", "/u/{id:[A-Za-z0-9]{8,40}}"}) // = PARAMETERISED
    String profilePage() {
        return CLIENT;
    }
}
