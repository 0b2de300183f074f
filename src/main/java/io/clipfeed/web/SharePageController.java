package io.clipfeed.web;

import java.util.Optional;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoCards;
import io.clipfeed.delivery.PlayInfo;
import io.clipfeed.delivery.PlaybackHints;
import io.clipfeed.delivery.PlaybackUrls;

/**
 * {@code /v/{id}}: the page a shared link opens (and link previews read), and {@code /embed/{id}}: the player
 * other sites frame through oEmbed. Server-rendered, so crawlers that run no script see the tags. Rendered for an
 * anonymous viewer: the page is the same for everyone, and the media URLs in it are not bound to anyone.
 */
@Controller
class SharePageController {

    /** No script at all; media and covers may come from a CDN or presigned S3 URLs. */
    static final String POLICY = policy("");

    /** {@code media}: the media edge's origin when it has one (an {@code http:} edge is not covered by https:). */
    private static String policy(String media) {
        return "default-src 'none'; img-src 'self' data: https:" + media + "; media-src 'self' blob: https:" + media
                + "; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors ";
    }

    private final String policy;

    private final SharedVideos videos;
    private final PlaybackUrls urls;
    private final VideoCards cards;

    SharePageController(SharedVideos videos, PlaybackUrls urls, VideoCards cards, MediaOrigin media) {
        this.policy = media.edge().map(o -> policy(" " + o)).orElse(POLICY);
        this.videos = videos;
        this.urls = urls;
        this.cards = cards;
    }

    @GetMapping("/v/{id}")
    ResponseEntity<String> share(@PathVariable String id) {
        return page(id).map(p -> html(HttpStatus.OK, p.sharePage(), "'self'"))
                .orElseGet(() -> html(HttpStatus.NOT_FOUND, SharePage.notFound(), "'self'"));
    }

    @GetMapping("/embed/{id}")
    ResponseEntity<String> embed(@PathVariable String id) {
        // embeds exist to be framed by other sites
        return page(id).map(p -> html(HttpStatus.OK, p.embed(), "*"))
                .orElseGet(() -> html(HttpStatus.NOT_FOUND, SharePage.notFound(), "*"));
    }

    Optional<SharePage> page(String id) {
        return videos.find(id).flatMap(v -> urls.playInfo(v, Optional.empty(), PlaybackHints.DEFAULT)
                .map(play -> page(v, play)));
    }

    private SharePage page(Video v, PlayInfo play) {
        return new SharePage(v, cards.username(v.creatorId()), play, videos.shareUrl(v), videos.embedUrl(v),
                videos.origin());
    }

    private ResponseEntity<String> html(HttpStatus status, String body, String frameAncestors) {
        // the signed media URLs inside expire: let caches keep the page a few minutes at most
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
                .header("Content-Security-Policy", policy + frameAncestors)
                .header("Referrer-Policy", "strict-origin-when-cross-origin")
                .header("X-Content-Type-Options", "nosniff")
                .body(body);
    }
}
