package io.clipfeed.web;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The other origin the client's media comes from when the media edge has its own URL
 * ({@code clipfeed.delivery.edge.url}: links of public videos point there, see {@code DeliverySettings.Edge}). The
 * edge answers CORS for {@code /media/**} to the origins {@code clipfeed.cors.allowed-origins} allows, so a page of
 * such an origin may fetch its media in CORS mode ({@code crossorigin="anonymous"}), and only CORS-mode media may
 * go through the feed's shared Web Audio context (other cross-origin audio is silenced). The page learns the origin
 * from a meta tag ({@link #metaTag}); the Content-Security-Policy names it, so an {@code http:} edge (a LAN, tests)
 * is allowed too.
 */
@Component
class MediaOrigin {

    static final String META_NAME = "clipfeed-cors-media";

    private final Optional<String> edge;
    private final CorsConfiguration cors = new CorsConfiguration();
    private final WebSettings web;

    MediaOrigin(@Value("${clipfeed.delivery.edge.enabled:false}") boolean edgeEnabled,
            @Value("${clipfeed.delivery.edge.url:}") String edgeUrl,
            @Value("${clipfeed.cors.allowed-origins:*}") List<String> allowedOrigins, WebSettings web) {
        this.edge = edgeEnabled ? originOf(edgeUrl.strip()) : Optional.empty();
        this.cors.setAllowedOriginPatterns(allowedOrigins);
        this.web = web;
    }

    /** The edge's origin, when it has a URL of its own (whether or not a page may read from it). */
    Optional<String> edge() {
        return edge;
    }

    /** The edge's origin when it is another origin than this page's and answers CORS to it; else empty. */
    Optional<String> corsFor(HttpServletRequest request) {
        String page = pageOrigin(request);
        return edge.filter(o -> !o.equalsIgnoreCase(page) && cors.checkOrigin(page) != null);
    }

    /** Whether {@code url} is fetched from {@code corsOrigin} (an absolute URL of that origin). */
    static boolean isFrom(String url, Optional<String> corsOrigin) {
        return corsOrigin.isPresent() && originOf(url).filter(corsOrigin.get()::equalsIgnoreCase).isPresent();
    }

    /** The meta tag that tells the client which origin answers CORS for media ("" when none does). */
    static String metaTag(Optional<String> corsOrigin) {
        return corsOrigin.map(o -> "<meta name=\"" + META_NAME + "\" content=\""
                + org.springframework.web.util.HtmlUtils.htmlEscape(o, "UTF-8") + "\">\n").orElse("");
    }

    private String pageOrigin(HttpServletRequest request) {
        if (!web.publicUrl().isEmpty()) {
            return web.publicUrl();
        }
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + request.getServerName() + (defaultPort || port < 0 ? "" : ":" + port);
    }

    /** {@code scheme://host[:port]} of an absolute http(s) URL. */
    static Optional<String> originOf(String url) {
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(url);
            return uri.getRawAuthority() == null ? Optional.empty()
                    : Optional.of(uri.getScheme() + "://" + uri.getRawAuthority());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
