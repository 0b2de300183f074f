package io.clipfeed.web;

import java.net.URI;
import java.net.URISyntaxException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.clipfeed.platform.ApiProblem;

/**
 * oEmbed 1.0 ({@code GET /api/v1/oembed?url=<share url>&format=json&maxwidth=&maxheight=}): a {@code video}
 * response whose {@code html} frames {@code /embed/{id}}. As the specification asks: 404 for a URL this site has no
 * embed for (another site's, a page that is not a video, a video that is private, removed or unknown) and 501 for
 * the XML format, which Clipfeed does not produce.
 */
@RestController
class OEmbedController {

    static final int MAX_SIZE = 4096;

    record OEmbed(String version, String type, String title, String author_name, String provider_name,
            String provider_url, String thumbnail_url, Integer thumbnail_width, Integer thumbnail_height,
            String html, int width, int height) {
    }

    private final SharedVideos videos;
    private final SharePageController pages;

    OEmbedController(SharedVideos videos, SharePageController pages) {
        this.videos = videos;
        this.pages = pages;
    }

    @GetMapping("/api/v1/oembed")
    OEmbed oembed(@RequestParam(required = false) String url, @RequestParam(required = false) String format,
            @RequestParam(required = false) String maxwidth, @RequestParam(required = false) String maxheight) {
        if (format != null && format.equalsIgnoreCase("xml")) {
            throw new ApiProblem(HttpStatus.NOT_IMPLEMENTED, "Not Implemented", "Only format=json is provided.");
        }
        if (format != null && !format.equalsIgnoreCase("json")) {
            throw ApiProblem.badRequest("format must be json.");
        }
        URI target = parse(url);
        if (!videos.isOurs(target)) {
            throw ApiProblem.notFound("This URL is not on this Clipfeed site, so it has no embed here.");
        }
        String id = SharedVideos.idOf(target)
                .orElseThrow(() -> ApiProblem.notFound("This URL is not a video's share page (/v/{id})."));
        SharePage page = pages.page(id).orElseThrow(() -> ApiProblem.notFound("No public video is shared at this URL."));
        EmbedSize size = EmbedSize.fit(page.width(), page.height(), size(maxwidth, "maxwidth"), size(maxheight, "maxheight"));
        String cover = page.play().coverUrl() == null ? null : absolute(page.play().coverUrl());
        return new OEmbed("1.0", "video", page.title(), page.creator(), "Clipfeed", videos.origin() + "/",
                cover, cover == null ? null : page.width(), cover == null ? null : page.height(),
                size.iframe(page.embedUrl(), page.title()), size.width(), size.height());
    }

    private String absolute(String url) {
        return url.startsWith("http://") || url.startsWith("https://") ? url : videos.origin() + url;
    }

    private static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw ApiProblem.badRequest("url is required: the share URL of a video (…/v/{id}).");
        }
        if (url.length() > 2048) {
            throw ApiProblem.badRequest("url is too long.");
        }
        try {
            URI uri = new URI(url.strip());
            if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null) {
                throw ApiProblem.badRequest("url must be an absolute http or https URL.");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw ApiProblem.badRequest("url is not a valid URL.");
        }
    }

    private static Integer size(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.matches("[0-9]{1,5}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > MAX_SIZE) {
            throw ApiProblem.badRequest(name + " must be a whole number of pixels from 1 to " + MAX_SIZE + ".");
        }
        return Integer.valueOf(value);
    }
}
