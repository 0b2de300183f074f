package io.clipfeed.web;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.Visibility;
import io.clipfeed.delivery.PlayInfo;

/**
 * The HTML of a share page and of an embed: a light player (the browser's own controls over the MP4, or HLS where
 * the browser plays it natively) that needs no script, plus, on the share page, the Open Graph, Twitter card and
 * oEmbed discovery tags link previews are built from. Every value is HTML-escaped: titles are user text.
 */
record SharePage(Video video, String creator, PlayInfo play, String shareUrl, String embedUrl, String origin) {

    String sharePage() {
        String title = title();
        String head = meta("description", description())
                + (video.visibility() == Visibility.UNLISTED ? meta("robots", "noindex") : "")
                + "<link rel=\"canonical\" href=\"" + esc(shareUrl) + "\">\n" + openGraph(title) + twitterCard(title)
                + "<link rel=\"alternate\" type=\"application/json+oembed\" href=\""
                + esc(origin + "/api/v1/oembed?format=json&url=" + URLEncoder.encode(shareUrl, StandardCharsets.UTF_8))
                + "\" title=\"" + esc(title) + "\">\n";
        String body = "<main class=\"share\">\n" + player("share-video") + "<div class=\"share-text\">\n<h1>"
                + esc(title) + "</h1>\n" + (creator == null ? "" : "<p class=\"share-creator\">@" + esc(creator) + "</p>\n")
                + (video.description() == null || video.description().isBlank() ? ""
                        : "<p class=\"share-description\">" + esc(video.description()) + "</p>\n")
                + "<a class=\"share-more\" href=\"/\">More videos on Clipfeed</a>\n</div>\n</main>\n";
        return document(title + " · Clipfeed", head, "share-page", body);
    }

    private String openGraph(String title) {
        StringBuilder tags = new StringBuilder()
                .append(property("og:site_name", "Clipfeed")).append(property("og:type", "video.other"))
                .append(property("og:title", title)).append(property("og:description", description()))
                .append(property("og:url", shareUrl));
        if (play.coverUrl() != null) {
            tags.append(property("og:image", abs(play.coverUrl())));
        }
        if (play.mp4Url() != null) {
            String mp4 = abs(play.mp4Url());
            tags.append(property("og:video", mp4));
            if (mp4.startsWith("https://")) {
                tags.append(property("og:video:secure_url", mp4));
            }
            tags.append(property("og:video:type", "video/mp4"))
                    .append(property("og:video:width", String.valueOf(width())))
                    .append(property("og:video:height", String.valueOf(height())));
        }
        return tags.toString();
    }

    private String twitterCard(String title) {
        return meta("twitter:card", "player") + meta("twitter:title", title)
                + (play.coverUrl() == null ? "" : meta("twitter:image", abs(play.coverUrl())))
                + meta("twitter:player", embedUrl) + meta("twitter:player:width", String.valueOf(width()))
                + meta("twitter:player:height", String.valueOf(height()));
    }

    String embed() {
        return document(title() + " · Clipfeed", "", "embed-page", player("embed-video"));
    }

    static String notFound() {
        String body = "<main class=\"share\"><div class=\"share-text\"><h1>This video is not available</h1>\n"
                + "<p>It may have been removed, made private, or never existed.</p>\n"
                + "<a class=\"share-more\" href=\"/\">Watch other videos on Clipfeed</a></div></main>\n";
        return document("Video not available · Clipfeed", "<meta name=\"robots\" content=\"noindex\">\n",
                "share-page", body);
    }

    private String player(String cssClass) {
        String src = play.mp4Url() != null ? play.mp4Url() : play.hlsUrl();
        return "<video class=\"" + cssClass + "\" src=\"" + esc(src) + "\""
                + (play.coverUrl() == null ? "" : " poster=\"" + esc(play.coverUrl()) + "\"")
                + " data-video-id=\"" + esc(video.id()) + "\" controls playsinline muted autoplay loop preload=\"auto\""
                + " width=\"" + width() + "\" height=\"" + height() + "\"></video>\n";
    }

    private static String document(String title, String head, String bodyClass, String body) {
        return "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + esc(title) + "</title>\n" + head
                + "<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">\n"
                + "<link rel=\"stylesheet\" href=\"/share.css\">\n</head>\n<body class=\"" + bodyClass + "\">\n"
                + body + "</body>\n</html>\n";
    }

    String title() {
        return video.title() == null || video.title().isBlank() ? "Untitled video" : video.title();
    }

    private String description() {
        String d = video.description();
        return d == null || d.isBlank() ? (creator == null ? "A video on Clipfeed" : "A video by @" + creator + " on Clipfeed") : d;
    }

    int width() {
        return play.rendition() != null ? play.rendition().width() : video.width() == null ? 360 : video.width();
    }

    int height() {
        return play.rendition() != null ? play.rendition().height() : video.height() == null ? 640 : video.height();
    }

    private String abs(String url) {
        return url.startsWith("http://") || url.startsWith("https://") ? url : origin + url;
    }

    private static String meta(String name, String content) {
        return "<meta name=\"" + name + "\" content=\"" + esc(content) + "\">\n";
    }

    private static String property(String name, String content) {
        return "<meta property=\"" + name + "\" content=\"" + esc(content) + "\">\n";
    }

    private static String esc(String s) {
        return s == null ? "" : htmlEscape(s, "UTF-8");
    }
}
