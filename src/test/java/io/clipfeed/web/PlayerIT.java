package io.clipfeed.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.clipfeed.Browser;
import io.clipfeed.IntegrationTestBase;
import io.clipfeed.catalog.NewVideo;
import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.Visibility;
import io.clipfeed.platform.Role;
import io.clipfeed.storage.Blob;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Formats and playback events in headless Chromium over a clip the real media pipeline transcoded: every MP4 rung
 * plays natively (on the share page), the HLS master plays through hls.js when the player is told the network is
 * poor, and a throttled network produces stall beacons.
 */
@io.clipfeed.BrowserTest
class PlayerIT extends IntegrationTestBase {

    private static final Duration GENEROUS = Duration.ofSeconds(90);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One transcoded clip for both tests (transcoding is the slow part); the newest video, so the first slide. */
    private static Video shared;

    private synchronized Video transcoded() throws Exception {
        if (shared == null) {
            shared = transcode("Player formats and stalls");
        }
        return catalog.find(shared.id()).orElseThrow();
    }

    /** Publishes box.mp4 through the pipeline and waits for the whole ladder and HLS packaging. */
    private Video transcode(String title) throws Exception {
        String creator = accounts.ensure("pl_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12),
                "pw-" + UUID.randomUUID(), Set.of(Role.USER)).id();
        Video video = catalog.create(new NewVideo(creator, title, "", Visibility.PUBLIC, "box.mp4"));
        Blob blob = blobs.put(io.clipfeed.SampleClips.path("box.mp4"), "video/mp4");
        catalog.markUploaded(video.id(), blob.key().sha256(), blob.size());
        long end = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!(catalog.find(video.id()).orElseThrow().isPlayable() && catalog.find(video.id()).orElseThrow()
                .renditions().stream().anyMatch(r -> r.kind().equals("hls"))) && System.nanoTime() < end) {
            Thread.sleep(200);
        }
        Video done = catalog.find(video.id()).orElseThrow();
        assertThat(done.renditions()).as("HLS packaged").anyMatch(r -> r.kind().equals("hls"));
        return done;
    }

    @Test
    void everyMp4RungPlaysNativelyAndTheHlsMasterPlaysThroughHlsJsOnAPoorNetwork() throws Exception {
        Video video = transcoded();
        JsonNode play = JSON.readTree(get("/api/v1/videos/" + video.id() + "/play"));
        List<String> rungs = new ArrayList<>();
        rungs.add(play.get("mp4Url").asString());
        play.get("alternates").forEach(a -> rungs.add(a.get("url").asString()));
        long h264Rungs = video.renditions().stream().filter(r -> r.kind().equals("mp4"))
                .filter(r -> r.codec().startsWith("avc1")).count();
        assertThat(rungs).as("one URL per H.264 rung").hasSize((int) h264Rungs).doesNotHaveDuplicates();

        try (Browser browser = Browser.mobile("http://localhost:" + port)) {
            browser.open("/v/" + video.id());
            String el = "document.querySelector('video.share-video')";
            browser.waitUntil(d -> browser.script("return " + el + ".currentTime > 0.2"), GENEROUS);
            for (String rung : rungs) {
                browser.script(el + ".src = arguments[0]; " + el + ".muted = true; " + el + ".play();", rung);
                browser.waitUntil(d -> browser.script("return " + el + ".readyState >= 2 && " + el
                        + ".currentTime > 0.2 && " + el + ".videoWidth > 0"), GENEROUS);
                assertThat(browser.script("return " + el + ".error")).as(rung).isNull();
            }

            browser.open("/?net=3g&feed=latest");
            String slide = "document.querySelector(\".player-slide[data-video-id='" + video.id() + "']\")";
            browser.waitUntil(d -> browser.script("return !!" + slide), GENEROUS);
            assertThat(browser.script("return " + slide + ".dataset.source")).isEqualTo("hls");
            browser.waitUntil(d -> browser.script("return " + slide + ".dataset.firstFrame === 'true' && "
                    + slide + ".querySelector('video').currentTime > 0.2"), GENEROUS);
            assertThat((String) browser.script("return " + slide + ".querySelector('video').currentSrc"))
                    .as("hls.js feeds the element through Media Source").startsWith("blob:");
        }
    }

    @Test
    void aStallOnAThrottledNetworkIsReportedAndItsEndToo() throws Exception {
        Video video = transcoded();
        JsonNode play = JSON.readTree(get("/api/v1/videos/" + video.id() + "/play"));
        // Bytes arrive at 40 % of the smallest rendition's bitrate, whichever rung the page starts with (a fresh page
        // starts a small one): the first second arrives, then playback must wait.
        long smallest = java.util.stream.Stream.concat(java.util.stream.Stream.of(play.get("rendition")),
                play.get("alternates").valueStream()).mapToLong(r -> r.get("bitrate").asLong()).min().orElseThrow();
        long bytesPerSecond = Math.max(8_000, smallest / 8 * 4 / 10);
        try (Browser browser = Browser.mobile("http://localhost:" + port)) {
            browser.throttle(bytesPerSecond, -1, 40);
            browser.open("/?preload=off&feed=latest");
            String slide = "document.querySelector(\".player-slide[data-video-id='" + video.id() + "']\")";
            browser.waitUntil(d -> browser.script("return " + slide + "?.dataset.firstFrame === 'true'"), GENEROUS);
            awaitBeacon(video.id(), "stall-start");
            browser.throttle(-1, -1, 0);
            awaitBeacon(video.id(), "stall-end");
        }
    }

    private String get(String path) throws Exception {
        HttpResponse<String> res = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        return res.body();
    }

    private void awaitBeacon(String videoId, String type) throws InterruptedException {
        long end = System.nanoTime() + GENEROUS.toNanos();
        while (count(videoId, type) == 0 && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertThat(count(videoId, type)).as("%s beacons for %s", type, videoId).isPositive();
    }

    private long count(String videoId, String type) {
        return jdbc.sql("select count(*) from playback_beacons where video_id = ? and event_type = ?")
                .params(videoId, type).query(Long.class).single();
    }
}
