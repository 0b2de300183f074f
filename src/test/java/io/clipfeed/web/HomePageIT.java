package io.clipfeed.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.clipfeed.Browser;
import io.clipfeed.IntegrationTestBase;
import io.clipfeed.TestUsers;
import io.clipfeed.catalog.MediaFacts;
import io.clipfeed.catalog.NewVideo;
import io.clipfeed.catalog.Rendition;
import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoStatus;
import io.clipfeed.catalog.Visibility;
import io.clipfeed.platform.Role;
import io.clipfeed.storage.Blob;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /}: the first page of the home feed inline in the HTML and the first video already in the markup, so
 * a fresh page plays without a feed request; user text inside stays text.
 */
class HomePageIT extends IntegrationTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern BOOT_JSON = Pattern.compile(
            "<script type=\"application/json\" id=\"clipfeed-boot\">(.*?)</script>", Pattern.DOTALL);
    private static final Pattern BOOT_VIDEO = Pattern.compile("<video id=\"boot-video\" src=\"([^\"]+)\"[^>]*>");
    private static final String HOSTILE = "</script><script>document.title='pwned'</script><!-- \u2028 & more";

    @Test
    void inlinesTheFirstPageAndStartsTheSmallestPhoneSizedH264RungInTheMarkup() throws Exception {
        String id = playable("Inline boot", List.of(rung("avc1.640028", 720, 1280), rung("avc1.64000d", 240, 426),
                rung("hvc1.1.6.L93.B0", 360, 640), rung("avc1.64001e", 360, 640))).id();

        HttpResponse<String> page = send("/?feed=latest", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        assertThat(page.headers().firstValue("Cache-Control")).get().asString().contains("no-store");
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("script-src 'self' " + BootScript.CSP_HASH + ";").doesNotContain("unsafe");
        String cookie = feedCookie(page).orElseThrow();
        assertThat(page.headers().allValues("Set-Cookie")).as("the CSRF token comes with the first page too")
                .anySatisfy(c -> assertThat(c).startsWith("XSRF-TOKEN="));
        assertThat(cookie).startsWith(HomePage.FEED_COOKIE + "=").contains("HttpOnly", "SameSite=Lax", "Path=/");
        String session = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));

        JsonNode boot = inline(page.body());
        assertThat(boot.get("session").asString()).isEqualTo(session);
        assertThat(boot.get("feed").get("source").asString()).isEqualTo("/api/v1/web/latest");
        JsonNode first = boot.get("feed").get("page").get("items").get(0);
        assertThat(first.get("video").get("id").asString()).isEqualTo(id);
        String rung360 = first.get("play").get("alternates").valueStream()
                .filter(a -> a.get("codec").asString().startsWith("avc1") && a.get("width").asInt() == 360)
                .findFirst().orElseThrow().get("url").asString();

        Matcher video = BOOT_VIDEO.matcher(page.body());
        assertThat(video.find()).as("the first video in the markup").isTrue();
        assertThat(video.group(1)).isEqualTo(rung360);
        assertThat(video.group()).contains("data-video-id=\"" + id + "\"", " autoplay", " muted", " playsinline",
                "preload=\"auto\"");
        // the inline script runs before the stylesheet could hold it back, and the bundle is still loaded
        assertThat(page.body()).containsSubsequence("<script>" + BootScript.SOURCE + "</script>", "rel=\"stylesheet\"");
        assertThat(page.body()).containsPattern("<script type=\"module\"[^>]*src=\"/assets/[^\"]+\\.js\"");

        HttpResponse<String> again = send("/?feed=latest", HomePage.FEED_COOKIE + "=" + session);
        assertThat(feedCookie(again)).as("the session is kept").isEmpty();
        assertThat(inline(again.body()).get("session").asString()).isEqualTo(session);
    }

    @Test
    void theDefaultHomeFeedIsForYouAndAPoorNetworkGetsNoProgressiveStart() throws Exception {
        playable("For you boot", List.of(rung("avc1.64001e", 360, 640), new Rendition(null, "hls", "avc1.64001e",
                360, 640, 700_000, 2_000, TestUsers.randomHex(32), null, null, null)));
        // the feed learns of published videos from events: wait until For You has something to rank
        JsonNode boot = inline(send("/", null).body());
        for (long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                boot.get("feed").get("page").get("items").isEmpty() && System.nanoTime() < end;) {
            Thread.sleep(200);
            boot = inline(send("/", null).body());
        }
        assertThat(boot.get("feed").get("source").asString()).isEqualTo("/api/v1/feed/for-you");
        assertThat(boot.get("feed").get("page").get("items")).isNotEmpty();

        HttpResponse<String> slow = send("/?feed=latest&net=3g", null);
        assertThat(inline(slow.body()).get("feed").get("page").get("items").get(0).get("play").get("format")
                .asString()).isEqualTo("hls");
        assertThat(slow.body()).as("HLS starts in the bundle, through hls.js").doesNotContain("boot-video")
                .doesNotContain(BootScript.SOURCE);
    }

    @Test
    void userTextInTheInlineFeedStaysData() throws Exception {
        playable(HOSTILE, List.of(rung("avc1.64001e", 360, 640)));
        String html = send("/?feed=latest", null).body();
        assertThat(html).doesNotContain("<script>document.title").doesNotContain("\u2028");
        assertThat(inline(html).get("feed").get("page").get("items").get(0).get("video").get("title").asString())
                .isEqualTo(HOSTILE);
    }

    @Test
    @io.clipfeed.BrowserTest
    void aFreshPagePlaysItsFirstVideoFromTheInlineDataWithoutAFeedRequest() throws Exception {
        String creator = accounts.ensure("hp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12),
                "pw-" + UUID.randomUUID(), Set.of(Role.USER)).id();
        Video video = catalog.create(new NewVideo(creator, HOSTILE, "", Visibility.PUBLIC, "cup.mp4"));
        Blob blob = blobs.put(io.clipfeed.SampleClips.path("cup.mp4"), "video/mp4");
        catalog.markUploaded(video.id(), blob.key().sha256(), blob.size());
        long end = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!catalog.find(video.id()).orElseThrow().isPlayable() && System.nanoTime() < end) {
            Thread.sleep(100);
        }

        try (Browser browser = Browser.mobile("http://localhost:" + port)) {
            browser.open("/?feed=latest");
            String slide = "document.querySelector('.player-slide')";
            browser.waitUntil(d -> browser.script("const s = " + slide + "; return !!s && s.dataset.firstFrame === 'true'"
                    + " && s.querySelector('video').currentTime > 0.2"), Duration.ofSeconds(60));
            assertThat(browser.script("return " + slide + ".dataset.videoId")).isEqualTo(video.id());
            assertThat(browser.script("return " + slide + ".dataset.boot")).as("the markup's element, adopted")
                    .isEqualTo("true");
            assertThat(browser.script("return " + slide + ".querySelector('video').dataset.firstFrameAt"))
                    .as("noted by the inline script, which the policy let run").isNotNull();
            assertThat(browser.script("return document.getElementById('boot-stage')")).isNull();
            @SuppressWarnings("unchecked")
            List<String> requests = (List<String>) browser.script(
                    "return performance.getEntriesByType('resource').map(e => e.name)");
            // no request for the first page (a short list may already ask for its next page, with the cursor)
            assertThat(requests).noneMatch(r -> (r.contains("/api/v1/web/latest") || r.contains("/api/v1/feed/"))
                    && !r.contains("cursor="));
            assertThat(browser.script("return " + slide + ".querySelector('.player-caption').textContent"))
                    .isEqualTo(HOSTILE);
            assertThat(browser.script("return document.title")).isNotEqualTo("pwned");
            assertThat(browser.script("return " + slide + ".dataset.source")).isEqualTo("mp4");
        }
    }

    @Test
    @io.clipfeed.BrowserTest
    void aFreshPageStartsOnTheVideoOnlyStarterAndTheFirstTapBringsTheRungWithSound() throws Exception {
        String creator = accounts.ensure("st_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12),
                "pw-" + UUID.randomUUID(), Set.of(Role.USER)).id();
        Video video = catalog.create(new NewVideo(creator, "Starter", "", Visibility.PUBLIC, "cup.mp4"));
        Blob blob = blobs.put(io.clipfeed.SampleClips.path("cup.mp4"), "video/mp4");
        catalog.markUploaded(video.id(), blob.key().sha256(), blob.size());
        long end = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (catalog.find(video.id()).orElseThrow().renditions().stream().noneMatch(r -> r.kind().equals("starter"))
                && System.nanoTime() < end) {
            Thread.sleep(200);
        }
        Rendition starter = catalog.find(video.id()).orElseThrow().renditions().stream()
                .filter(r -> r.kind().equals("starter")).findFirst().orElseThrow();
        assertThat(starter.codec()).startsWith("avc1").doesNotContain("mp4a");

        Matcher markup = BOOT_VIDEO.matcher(send("/?feed=latest", null).body());
        assertThat(markup.find()).isTrue();
        assertThat(markup.group(1)).contains(starter.blobKey());
        Matcher full = Pattern.compile("data-full-src=\"([^\"]+)\"").matcher(markup.group());
        assertThat(full.find()).as("the rung with sound is named").isTrue();
        Matcher without = BOOT_VIDEO.matcher(send("/?feed=latest&starter=off", null).body());
        assertThat(without.find()).isTrue();
        assertThat(without.group(1)).as("?starter=off: the rung itself").isEqualTo(full.group(1));
        assertThat(without.group()).doesNotContain("data-full-src");

        try (Browser browser = Browser.mobile("http://localhost:" + port)) {
            browser.open("/?feed=latest");
            String slide = "document.querySelector('.player-slide')";
            String v = slide + ".querySelector('video')";
            browser.waitUntil(d -> browser.script("const s = " + slide + "; return !!s && s.dataset.firstFrame === 'true'"
                    + " && s.dataset.starter === 'true' && s.querySelector('video').currentTime > 0.5"),
                    Duration.ofSeconds(60));
            assertThat(browser.script("return " + v + ".getAttribute('src')")).asString()
                    .contains(starter.blobKey());
            assertThat(((Number) browser.script("return " + v + ".webkitAudioDecodedByteCount")).longValue())
                    .as("a starter has no sound to decode").isZero();

            browser.find(".player").click(); // the first tap unmutes
            browser.waitUntil(d -> browser.script("const v = " + v + "; return " + slide + ".dataset.starter === undefined"
                    + " && !v.muted && !v.paused && v.webkitAudioDecodedByteCount > 0"), Duration.ofSeconds(30));
            assertThat(browser.script("return " + v + ".getAttribute('src')")).isEqualTo(full.group(1)
                    .replace("&amp;", "&"));
            assertThat(((Number) browser.script("return document.querySelectorAll('.player-slide')[0]"
                    + ".querySelectorAll('video').length")).intValue()).as("one element in the slide").isEqualTo(1);
            assertThat(browser.script("return " + slide + ".dataset.source")).isEqualTo("mp4");
        }
    }

    private static Rendition rung(String codec, int width, int height) {
        return new Rendition(null, "mp4", codec, width, height, 300L * width * height / 230, 300_000,
                TestUsers.randomHex(32), null, null, null);
    }

    private Video playable(String title, List<Rendition> rungs) {
        TestUsers.Session owner = TestUsers.register(port);
        Video v = catalog.create(new NewVideo(owner.userId(), title, "", Visibility.PUBLIC, "clip.mp4"));
        catalog.markUploaded(v.id(), TestUsers.randomHex(32), 1234);
        catalog.transition(v.id(), VideoStatus.PROCESSING, null);
        catalog.recordMediaFacts(v.id(), new MediaFacts(2500, 720, 1280));
        rungs.forEach(r -> catalog.recordRendition(v.id(), r));
        return catalog.transition(v.id(), VideoStatus.PLAYABLE, null);
    }

    private static java.util.Optional<String> feedCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(HomePage.FEED_COOKIE + "=")).findFirst();
    }

    private static JsonNode inline(String html) {
        Matcher m = BOOT_JSON.matcher(html);
        assertThat(m.find()).as("inline boot data").isTrue();
        return JSON.readTree(m.group(1));
    }

    private HttpResponse<String> send(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
