package io.clipfeed.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.clipfeed.IntegrationTestBase;
import io.clipfeed.TestUsers;
import io.clipfeed.catalog.MediaFacts;
import io.clipfeed.catalog.NewVideo;
import io.clipfeed.catalog.Rendition;
import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoStatus;
import io.clipfeed.catalog.Visibility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Share pages ({@code /v/{id}}), embeds and oEmbed, read the way link previews read them: the HTML parsed by a
 * real HTML parser (jsoup follows the HTML5 parsing algorithm), the oEmbed JSON fetched from the discovery link.
 */
class SharePageIT extends IntegrationTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HOSTILE = "\"><script>alert(1)</script>";

    @Test
    void sharePageCarriesEscapedOpenGraphTagsALightPlayerAndOEmbedDiscovery() throws Exception {
        TestUsers.Session creator = TestUsers.register(port);
        Video video = published(creator, Visibility.PUBLIC, HOSTILE);
        HttpResponse<String> res = send("/v/" + video.id());
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(res.body()).doesNotContain("<script>alert(1)");
        Document doc = Jsoup.parse(res.body(), origin());

        assertThat(doc.select("script")).as("no script element, injected or otherwise").isEmpty();
        assertThat(meta(doc, "og:title")).isEqualTo(HOSTILE);
        assertThat(doc.select("meta[name=twitter:title]").attr("content")).isEqualTo(HOSTILE);
        assertThat(doc.select("h1").text()).isEqualTo(HOSTILE);
        assertThat(meta(doc, "og:url")).isEqualTo(origin() + "/v/" + video.id());
        assertThat(meta(doc, "og:image")).startsWith(origin() + "/media/v/" + video.id() + "/");
        assertThat(meta(doc, "og:video")).startsWith(origin() + "/media/v/" + video.id() + "/").endsWith(".mp4");
        assertThat(meta(doc, "og:video:type")).isEqualTo("video/mp4");
        assertThat(meta(doc, "og:video:width")).isEqualTo("540");
        assertThat(meta(doc, "og:video:height")).isEqualTo("960");
        assertThat(doc.select("meta[name=twitter:card]").attr("content")).isEqualTo("player");
        assertThat(doc.select("meta[name=twitter:player]").attr("content")).isEqualTo(origin() + "/embed/" + video.id());
        assertThat(doc.select("video").attr("abs:src")).isEqualTo(meta(doc, "og:video"));
        assertThat(doc.select("video").attr("abs:poster")).isEqualTo(meta(doc, "og:image"));

        String oembedHref = doc.select("link[rel=alternate][type=application/json+oembed]").attr("abs:href");
        assertThat(oembedHref).startsWith(origin() + "/api/v1/oembed?");
        HttpResponse<String> oembed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(oembedHref)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(oembed.statusCode()).as(oembed.body()).isEqualTo(200);
        JsonNode json = JSON.readTree(oembed.body());
        assertThat(json.get("version").asString()).isEqualTo("1.0");
        assertThat(json.get("type").asString()).isEqualTo("video");
        assertThat(json.get("title").asString()).isEqualTo(HOSTILE);
        assertThat(json.get("author_name").asString()).isEqualTo(creator.username());
        assertThat(json.get("provider_name").asString()).isEqualTo("Clipfeed");
        assertThat(json.get("thumbnail_url").asString()).startsWith(origin() + "/media/v/" + video.id() + "/");
        assertThat(json.get("width").asInt()).isEqualTo(360);
        assertThat(json.get("height").asInt()).isEqualTo(640);
        Document iframe = Jsoup.parseBodyFragment(json.get("html").asString());
        assertThat(iframe.select("script")).isEmpty();
        assertThat(iframe.select("iframe").attr("src")).isEqualTo(origin() + "/embed/" + video.id());
        assertThat(iframe.select("iframe").attr("title")).isEqualTo(HOSTILE);
    }

    @Test
    void embedPageIsAFramablePlayerAndUnlistedSharePagesAreNotIndexed() throws Exception {
        Video video = published(TestUsers.register(port), Visibility.UNLISTED, "Unlisted but shared");
        HttpResponse<String> res = send("/embed/" + video.id());
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("frame-ancestors *").contains("default-src 'none'"));
        Document doc = Jsoup.parse(res.body(), origin());
        assertThat(doc.select("video").attr("src")).contains("/media/v/" + video.id() + "/").endsWith(".mp4");
        Document share = Jsoup.parse(send("/v/" + video.id()).body(), origin());
        assertThat(share.select("meta[name=robots]").attr("content")).as("unlisted: shared, not indexed")
                .isEqualTo("noindex");
    }

    @Test
    void privateUnpublishedUnknownAndMalformedVideosHaveNoSharePage() throws Exception {
        TestUsers.Session creator = TestUsers.register(port);
        String hidden = published(creator, Visibility.PRIVATE, "Mine alone").id();
        Video unpublished = catalog.create(new NewVideo(creator.userId(), "Still uploading", "", Visibility.PUBLIC, "u.mp4"));
        for (String path : new String[] {"/v/" + hidden, "/v/" + unpublished.id(), "/v/" + io.clipfeed.platform.Ids.newId(),
                "/v/%22%3E%3Cscript%3E", "/embed/" + hidden}) {
            HttpResponse<String> res = send(path);
            assertThat(res.statusCode()).as(path).isEqualTo(404);
            Document doc = Jsoup.parse(res.body());
            assertThat(doc.select("h1").text()).as(path).isEqualTo("This video is not available");
            assertThat(doc.select("meta[property=og:title]")).as(path).isEmpty();
            assertThat(res.body()).as(path).doesNotContain("Mine alone");
        }
    }

    @Test
    void oembedAnswersPreciseErrors() throws Exception {
        TestUsers.Session creator = TestUsers.register(port);
        String open = published(creator, Visibility.PUBLIC, "Open").id();
        String hidden = published(creator, Visibility.PRIVATE, "Hidden").id();
        assertThat(oembed(null, "")).isEqualTo(400);
        assertThat(oembed("not a url at all", "")).isEqualTo(400);
        assertThat(oembed("ftp://localhost:" + port + "/v/" + open, "")).isEqualTo(400);
        assertThat(oembed("https://elsewhere.example/v/" + open, "")).as("another site's URL").isEqualTo(404);
        assertThat(oembed(origin() + "/upload", "")).as("not a video page").isEqualTo(404);
        assertThat(oembed(origin() + "/v/" + hidden, "")).as("private").isEqualTo(404);
        assertThat(oembed(origin() + "/v/" + open, "&format=xml")).isEqualTo(501);
        assertThat(oembed(origin() + "/v/" + open, "&format=yaml")).isEqualTo(400);
        assertThat(oembed(origin() + "/v/" + open, "&maxwidth=wide")).isEqualTo(400);
        assertThat(oembed(origin() + "/v/" + open, "&maxwidth=0")).isEqualTo(400);
        assertThat(oembed(origin() + "/v/" + open, "&format=json")).isEqualTo(200);

        HttpResponse<String> small = send("/api/v1/oembed?url=" + enc(origin() + "/v/" + open) + "&maxwidth=180&maxheight=300");
        JsonNode json = JSON.readTree(small.body());
        assertThat(json.get("width").asInt()).isLessThanOrEqualTo(180);
        assertThat(json.get("height").asInt()).isLessThanOrEqualTo(300);
    }

    private int oembed(String url, String more) throws Exception {
        return send("/api/v1/oembed?" + (url == null ? "" : "url=" + enc(url)) + more).statusCode();
    }

    private Video published(TestUsers.Session owner, Visibility visibility, String title) {
        Video v = catalog.create(new NewVideo(owner.userId(), title, "Shared for a test", visibility, "clip.mp4"));
        catalog.markUploaded(v.id(), TestUsers.randomHex(32), 1234);
        catalog.transition(v.id(), VideoStatus.PROCESSING, null);
        catalog.recordMediaFacts(v.id(), new MediaFacts(2500, 540, 960));
        catalog.recordRendition(v.id(), new Rendition(null, "mp4", "avc1.64001f", 540, 960, 1_000_000, 300_000,
                TestUsers.randomHex(32), null, null, null));
        catalog.recordCover(v.id(), TestUsers.randomHex(32));
        catalog.transition(v.id(), VideoStatus.PLAYABLE, null);
        return catalog.transition(v.id(), VideoStatus.PUBLISHED, null);
    }

    private static String meta(Document doc, String property) {
        return doc.select("meta[property=" + property + "]").attr("content");
    }

    private String origin() {
        return "http://localhost:" + port;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(origin() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
