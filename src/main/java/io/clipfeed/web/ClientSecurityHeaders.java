package io.clipfeed.web;

import java.io.IOException;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A Content-Security-Policy for the client's pages: scripts and styles only from Clipfeed itself (the bundle has
 * no inline code; the home page's one inline script is allowed by its hash, {@link BootScript}), so an injected
 * tag cannot run. Media, covers and API calls may also come from https origins,
 * because an S3 deployment serves bytes from presigned URLs, and from the media edge's origin when it has a URL of
 * its own (named, so an {@code http:} edge works too); {@code blob:} is what hls.js feeds the video element.
 */
@Component
class ClientSecurityHeaders extends OncePerRequestFilter {

    static final String POLICY = policy("");

    private static String policy(String media) {
        return "default-src 'self'; script-src 'self' " + BootScript.CSP_HASH + "; style-src 'self'; "
                + "img-src 'self' data: blob: https:" + media + "; media-src 'self' blob: https:" + media + "; "
                + "connect-src 'self' https:" + media + "; worker-src 'self' blob:; object-src 'none'; "
                + "base-uri 'self'; form-action 'self'; frame-ancestors 'self'";
    }

    private final String policy;

    ClientSecurityHeaders(MediaOrigin media) {
        this.policy = media.edge().map(o -> policy(" " + o)).orElse(POLICY);
    }

    /** The root and the client routes of {@link PageRoutes}. */
    private static final Set<String> PAGES = pages();

    private static Set<String> pages() {
        Set<String> pages = new java.util.HashSet<>(Set.of(PageRoutes.ROUTES));
        pages.add("/");
        pages.add("/index.html");
        return Set.copyOf(pages);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !PAGES.contains(path) && !PageRoutes.PARAMETERISED.matcher(path).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        apply(response);
        chain.doFilter(request, response);
    }

    /** The headers alone, for a page this filter cannot know of beforehand (the client's 404, {@link NotFoundPage}). */
    void apply(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", policy);
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    }
}
