package io.clipfeed.web;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import io.clipfeed.delivery.PlayInfo;
import io.clipfeed.delivery.PlaybackHints;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /}: the client's page with the first page of the home feed inlined, so a fresh page needs no feed
 * request, and its first video already in the markup ({@code autoplay muted preload=auto}, the rendition
 * {@link FirstVideo} picks), so it loads and plays while the bundle is still on its way; the bundle's player adopts
 * that element instead of making a new one. Anonymous viewers keep their feed session (For You's seen-filter) in
 * a cookie, since the server cannot read the client's storage when it renders the page. The page carries signed,
 * expiring URLs for this viewer: never stored by caches.
 */
@Controller
class HomePage {

    static final String FEED_COOKIE = "clipfeed_feed";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ClientIndex index;
    private final HomeFeed feed;
    private final MediaOrigin media;

    HomePage(ClientIndex index, HomeFeed feed, MediaOrigin media) {
        this.index = index;
        this.feed = feed;
        this.media = media;
    }

    @GetMapping("/")
    ResponseEntity<String> home(@RequestParam(required = false) String feed,
            @RequestParam(required = false) String pageSize, @RequestParam(required = false) String net,
            @RequestParam(required = false) String starter,
            @RequestHeader(name = "Save-Data", required = false) String saveData,
            @CookieValue(name = FEED_COOKIE, required = false) String cookie, HttpServletRequest request,
            HttpServletResponse response) {
        if (!index.built()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                    .body("The web client is not built (run the Maven build without -Dskip.npm).");
        }
        boolean known = cookie != null && cookie.matches("[A-Za-z0-9_-]{8,64}");
        String session = known ? cookie : newSession();
        PlaybackHints hints = PlaybackHints.parse(null, null, net, saveData);
        Optional<HomeFeed.First> first = this.feed.first("latest".equals(feed), limit(pageSize), hints, session)
                // ?starter=off: the first video starts on its rung with sound (to compare, like ?preload=off)
                .map(f -> "off".equals(starter) ? f.withoutStarter() : f);
        Optional<String> cors = media.corsFor(request);
        String meta = MediaOrigin.metaTag(cors);
        String html = first.map(f -> index.render(meta + head(f, cors), stage(f, cors), data(f)))
                .orElseGet(() -> index.render(meta, "", ""));
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore());
        if (!known) {
            // added to the servlet response, not to the entity: an entity's Set-Cookie replaces the ones already
            // written, and the XSRF-TOKEN cookie issued with this page must survive (the client's writes echo it)
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(FEED_COOKIE, session).path("/")
                    .maxAge(Duration.ofDays(365)).httpOnly(true).secure(request.isSecure()).sameSite("Lax")
                    .build().toString());
        }
        return answer.body(html);
    }

    /**
     * A cross-origin media host (a CDN base URL) gets a preconnect; the first cover is fetched at once. Media
     * fetched in CORS mode (from the edge, {@code cors}) goes over connections without credentials, which are not
     * the ones a plain preconnect opens: that origin gets one of each (the cover still loads without CORS).
     */
    private static String head(HomeFeed.First first, Optional<String> cors) {
        PlayInfo play = first.play();
        if (play == null) {
            return "";
        }
        StringBuilder head = new StringBuilder(first.video().isPresent() ? BootScript.TAG : "");
        Optional.ofNullable(play.mp4Url() != null ? play.mp4Url() : play.hlsUrl()).flatMap(HomePage::origin)
                .ifPresent(o -> {
                    head.append("<link rel=\"preconnect\" href=\"").append(esc(o)).append("\">\n");
                    if (cors.filter(o::equalsIgnoreCase).isPresent()) {
                        head.append("<link rel=\"preconnect\" href=\"").append(esc(o)).append("\" crossorigin>\n");
                    }
                });
        if (play.coverUrl() != null) {
            head.append("<link rel=\"preload\" as=\"image\" href=\"").append(esc(play.coverUrl())).append("\">\n");
        }
        return head.toString();
    }

    /**
     * The first video's element. From the CORS-answering edge it is fetched in CORS mode ({@code crossorigin}, set
     * before the browser sees its src), so the player may route its sound through the feed's shared audio context
     * once it adopts it; without that its audio would be tainted and the player must leave it its own output.
     */
    private static String stage(HomeFeed.First first, Optional<String> cors) {
        return first.video().map(v -> "<div class=\"boot-stage\" id=\"boot-stage\"><video id=\"boot-video\""
                + (MediaOrigin.isFrom(v.src(), cors) ? " crossorigin=\"anonymous\"" : "") + " src=\""
                + esc(v.src()) + "\"" + (v.starterUrl() == null ? "" : " data-full-src=\"" + esc(v.url()) + "\"")
                + (first.play().coverUrl() == null ? ""
                        : " poster=\"" + esc(first.play().coverUrl()) + "\"")
                + " data-video-id=\"" + esc(first.videoId()) + "\" width=\"" + v.width() + "\" height=\"" + v.height()
                + "\" autoplay muted playsinline loop preload=\"auto\"></video></div>\n").orElse("");
    }

    private static String data(HomeFeed.First first) {
        return "<script type=\"application/json\" id=\"clipfeed-boot\">" + first.json() + "</script>\n";
    }

    private static Optional<String> origin(String url) {
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            return Optional.empty();
        }
        URI uri = URI.create(url);
        return Optional.of(uri.getScheme() + "://" + uri.getRawAuthority());
    }

    private static Integer limit(String pageSize) {
        return pageSize != null && pageSize.matches("[0-9]{1,2}") && Integer.parseInt(pageSize) >= 1
                ? Math.min(50, Integer.parseInt(pageSize)) : null;
    }

    private static String newSession() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String esc(String s) {
        return htmlEscape(s, "UTF-8");
    }
}
