package io.clipfeed.web;

import static io.clipfeed.web.SwipeFeedIT.GENEROUS;
import static io.clipfeed.web.SwipeFeedIT.awaitPlaying;
import static io.clipfeed.web.SwipeFeedIT.swipeUp;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.clipfeed.Browser;
import io.clipfeed.IntegrationTestBase;
import io.clipfeed.catalog.NewVideo;
import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.Visibility;
import io.clipfeed.platform.Role;
import io.clipfeed.storage.Blob;

/**
 * The swipe feed with its media on the media edge's own origin (another port, another host name): the page fetches
 * it in CORS mode, so the feed's videos keep the shared Web Audio context (the next video starts without opening
 * an audio output) and are heard; an element that does not fetch in CORS mode is left its own output.
 */
@io.clipfeed.BrowserTest
class CrossOriginFeedIT extends IntegrationTestBase {

    /** The edge's URL must be known before the context starts: a port that was free a moment ago. */
    private static final int EDGE_PORT = freePort();
    private static final String EDGE = "http://127.0.0.1:" + EDGE_PORT;

    @DynamicPropertySource
    static void edge(DynamicPropertyRegistry registry) {
        registry.add("clipfeed.delivery.edge.enabled", () -> "true");
        registry.add("clipfeed.delivery.edge.port", () -> String.valueOf(EDGE_PORT));
        registry.add("clipfeed.delivery.edge.address", () -> "127.0.0.1");
        registry.add("clipfeed.delivery.edge.url", () -> EDGE);
    }

    @Test
    void theSwipedToVideoFromTheEdgeIsHeardThroughTheSharedAudioContext() throws Exception {
        List<String> ids = publishTwo();
        String first = ids.get(1);
        String second = ids.get(0);

        try (Browser browser = Browser.mobile("http://localhost:" + port)) {
            ((ChromeDriver) browser.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                    Map.of("source", TAP));
            browser.open("/?feed=latest");
            browser.waitUntil(d -> browser.script("return document.querySelector('.player-track')?.dataset.current"), GENEROUS);
            String firstVideo = video(first);
            assertThat((String) browser.script("return " + firstVideo + ".currentSrc")).as("media on the edge")
                    .startsWith(EDGE + "/media/");
            assertThat(browser.script("return " + firstVideo + ".closest('.player-slide').dataset.boot")
                    + " " + browser.script("return " + firstVideo + ".crossOrigin"))
                    .as("the server-rendered first video, adopted, fetched in CORS mode").isEqualTo("true anonymous");
            awaitPlaying(browser, first);
            browser.waitUntil(d -> browser.script("const s = document.querySelector(\".player-slide[data-video-id='"
                    + second + "']\"); return s.dataset.warm === 'true'"), GENEROUS);

            swipeUp((ChromeDriver) browser.driver());
            awaitPlaying(browser, second);
            String current = video(second);
            assertThat((String) browser.script("return " + current + ".currentSrc")).startsWith(EDGE + "/media/");
            browser.waitUntil(d -> browser.script("const v = " + current + "; return v.dataset.audio === 'shared'"
                    + " && !v.muted && !v.paused && v.webkitAudioDecodedByteCount > 0"), GENEROUS);
            assertThat(browser.script("return " + firstVideo + ".dataset.audio"))
                    .as("the adopted first video was routed as well").isEqualTo("shared");
            long shown = ((Number) browser.script("return " + current + ".getVideoPlaybackQuality().totalVideoFrames")).longValue();
            long decoded = ((Number) browser.script("return " + current + ".webkitAudioDecodedByteCount")).longValue();
            browser.waitUntil(d -> ((Number) browser.script("return " + current
                    + ".getVideoPlaybackQuality().totalVideoFrames")).longValue() > shown + 10
                    && ((Number) browser.script("return " + current + ".webkitAudioDecodedByteCount")).longValue() > decoded,
                    GENEROUS);
            // the shared context gets sound, not the silence of media fetched without CORS
            awaitSoundInWebAudio(browser, current);
            browser.screenshot(Path.of("target/screenshots/cross-origin-feed.png"));
        }
    }

    @Test
    void thePageNamesTheEdgeAndRendersTheFirstVideoInCorsMode() throws Exception {
        publishTwo();
        java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/?feed=latest"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("media-src 'self' blob: https: " + EDGE + ";", "connect-src 'self' https: " + EDGE + ";");
        assertThat(page.body()).contains("<meta name=\"clipfeed-cors-media\" content=\"" + EDGE + "\">")
                .containsPattern("<video id=\"boot-video\" crossorigin=\"anonymous\" src=\"" + EDGE + "/media/");
    }

    @Test
    void anElementThatDoesNotFetchInCorsModeKeepsItsOwnOutput() throws Exception {
        List<String> ids = publishTwo();
        String second = ids.get(0);
        try (Browser browser = Browser.mobile("http://localhost:" + port)) {
            // this browser's media elements ignore crossOrigin: they fetch the edge's media without CORS
            ((ChromeDriver) browser.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                    "Object.defineProperty(HTMLMediaElement.prototype, 'crossOrigin', {get() { return null; },"
                            + " set(v) {}, configurable: true});"
                            + "new MutationObserver(() => document.getElementById('boot-video')"
                            + "?.removeAttribute('crossorigin')).observe(document, {childList: true, subtree: true});"));
            browser.open("/?feed=latest");
            browser.waitUntil(d -> browser.script("return document.querySelector('.player-track')?.dataset.current"), GENEROUS);
            awaitPlaying(browser, ids.get(1));
            swipeUp((ChromeDriver) browser.driver());
            awaitPlaying(browser, second);
            String current = video(second);
            browser.waitUntil(d -> browser.script("const v = " + current + "; return !v.muted && !v.paused"
                    + " && v.webkitAudioDecodedByteCount > 0"), GENEROUS);
            assertThat((String) browser.script("return " + current + ".currentSrc")).startsWith(EDGE + "/media/");
            assertThat(browser.script("return " + current + ".dataset.audio ?? 'own'"))
                    .as("not routed: Web Audio would silence it").isEqualTo("own");
        }
    }

    /**
     * Listens to what reaches Web Audio from each element routed into a context: an analyser beside the player's
     * own connection (installed before the page's scripts run). Web Audio hears cross-origin media fetched without
     * CORS as silence, so sound there shows the element's bytes really came in CORS mode.
     */
    private static final String TAP = "const route = AudioContext.prototype.createMediaElementSource;"
            + "window.audioTaps = new Map();"
            + "AudioContext.prototype.createMediaElementSource = function (el) {"
            + "  const node = route.call(this, el); const tap = this.createAnalyser(); node.connect(tap);"
            + "  window.audioTaps.set(el, tap); return node; };";

    /** Whether the element's audio, as Web Audio receives it, has any sound within a few seconds. */
    private static void awaitSoundInWebAudio(Browser browser, String video) {
        browser.waitUntil(d -> browser.script("const tap = window.audioTaps.get(" + video + ");"
                + " const samples = new Float32Array(tap.fftSize); tap.getFloatTimeDomainData(samples);"
                + " return samples.some((x) => Math.abs(x) > 0.01)"), java.time.Duration.ofSeconds(15));
    }

    private List<String> publishTwo() throws Exception {
        String creator = accounts.ensure("xo_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12),
                "pw-" + UUID.randomUUID(), Set.of(Role.USER)).id();
        List<String> ids = new ArrayList<>();
        // one after the other, so the cup is surely the newer one whichever clip processes faster
        for (String clip : List.of("box.mp4", "cup.mp4")) {
            Video video = catalog.create(new NewVideo(creator, "Edge " + clip, "", Visibility.PUBLIC, clip));
            Blob blob = blobs.put(io.clipfeed.SampleClips.path(clip), "video/mp4");
            catalog.markUploaded(video.id(), blob.key().sha256(), blob.size());
            ids.add(video.id());
            org.awaitility.Awaitility.await().atMost(GENEROUS).pollInterval(java.time.Duration.ofMillis(100))
                    .until(() -> catalog.find(video.id()).orElseThrow().isPlayable());
        }
        // newest first: the cup is the first slide, the box (the louder sound) the second
        return ids;
    }

    private static String video(String videoId) {
        return "document.querySelector(\".player-slide[data-video-id='" + videoId + "'] video\")";
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
