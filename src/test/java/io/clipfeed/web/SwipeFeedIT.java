package io.clipfeed.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

import io.clipfeed.Browser;
import io.clipfeed.IntegrationTestBase;
import io.clipfeed.catalog.NewVideo;
import io.clipfeed.catalog.Rendition;
import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.Visibility;
import io.clipfeed.platform.Role;
import io.clipfeed.storage.Blob;

/**
 * The home page's swipe player in headless Chromium over clips the real media pipeline processed: the first video
 * shows a frame, a touch swipe plays the next one, and the player's first-frame, watched and exit beacons are stored.
 */
@io.clipfeed.BrowserTest
class SwipeFeedIT extends IntegrationTestBase {

    static final Duration GENEROUS = Duration.ofSeconds(90);
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private String publish(String creator, Path clip, String title) throws Exception {
        Video video = catalog.create(new NewVideo(creator, title, "", Visibility.PUBLIC, title));
        Blob blob = blobs.put(clip, "video/mp4");
        catalog.markUploaded(video.id(), blob.key().sha256(), blob.size());
        return video.id();
    }

    private void awaitPlayable(String videoId) throws InterruptedException {
        long end = System.nanoTime() + GENEROUS.toNanos();
        while (!catalog.find(videoId).orElseThrow().isPlayable() && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertThat(catalog.find(videoId).orElseThrow().isPlayable()).as("%s playable", videoId).isTrue();
    }

    @Test
    void firstVideoPlaysArrowDownPlaysTheNextAndFirstFramesAreReported() throws Exception {
        String creator = accounts.ensure("sw_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12),
                "pw-" + UUID.randomUUID(), Set.of(Role.USER)).id();
        List<String> ids = new ArrayList<>();
        for (String clip : List.of("box.mp4", "cup.mp4", "box.mp4")) {
            ids.add(publish(creator, io.clipfeed.SampleClips.path(clip), "Swipe " + clip));
        }
        for (String id : ids) {
            awaitPlayable(id);
        }
        // The latest list is newest first: the last published is the first slide, the one before it the second.
        String first = ids.get(2);
        String second = ids.get(1);

        try (Browser browser = Browser.mobile("http://localhost:" + port)) {
            browser.open("/?feed=latest");
            browser.waitUntil(d -> browser.script("return document.querySelector('.player-track')?.dataset.current"), GENEROUS);
            assertThat(slideAt(browser, 0)).isEqualTo(first);
            awaitPlaying(browser, first);
            for (String next : List.of(ids.get(1), ids.get(0))) {
                String slide = "document.querySelector(\".player-slide[data-video-id='" + next + "']\")";
                browser.waitUntil(d -> browser.script("return " + slide + ".dataset.preloaded === 'true'"
                        + " && " + slide + ".querySelector('video').preload === 'auto'"
                        + " && !!" + slide + ".querySelector('video').currentSrc"), GENEROUS);
            }

            // The viewer watches a while (the watched beacon), then swipes up with a finger (CDP touch input).
            awaitBeacon(first, "watched");
            swipeUp((ChromeDriver) browser.driver());
            browser.waitUntil(d -> "1".equals(browser.script("return document.querySelector('.player-track').dataset.current")), GENEROUS);
            assertThat(slideAt(browser, 1)).isEqualTo(second);
            awaitPlaying(browser, second);
            assertThat(browser.script("return document.querySelector(\".player-slide[data-video-id='" + first + "'] video\").paused"))
                    .as("the first video pauses when swiped away").isEqualTo(true);
            browser.screenshot(Path.of("target/screenshots/swipe-feed-second.png"));
            String current = "document.querySelector(\".player-slide[data-video-id='" + second + "'] video\")";
            assertThat(browser.script("return " + current + ".muted")).as("sound after the first interaction")
                    .isEqualTo(false);
            // its sound plays through the feed's shared audio context (opened by the swipe): the element is routed
            // into it, and audio is decoded while the playhead moves
            browser.waitUntil(d -> browser.script("const v = " + current + "; return v.dataset.audio === 'shared'"
                    + " && !v.muted && !v.paused && v.webkitAudioDecodedByteCount > 0"), GENEROUS);
            String frames = "return " + current + ".getVideoPlaybackQuality().totalVideoFrames";
            long shown = ((Number) browser.script(frames)).longValue();
            long decoded = ((Number) browser.script("return " + current + ".webkitAudioDecodedByteCount")).longValue();
            Thread.sleep(1500);
            assertThat(((Number) browser.script(frames)).longValue())
                    .as("the video plays on with its sound routed (frames keep coming)").isGreaterThan(shown + 10);
            assertThat(((Number) browser.script("return " + current + ".webkitAudioDecodedByteCount")).longValue())
                    .as("its audio is still being decoded").isGreaterThan(decoded);
            browser.find(".player").click();
            browser.waitUntil(d -> browser.script("return " + current + ".paused"), GENEROUS);
        }
        awaitBeacon(first, "first-frame");
        awaitBeacon(second, "first-frame");
        awaitBeacon(first, "exit");
        assertThat(detail(first, "watched")).as("watched beacon").contains("\"watchedMs\"");
        long watchedMs = JSON.readTree(detail(first, "watched")).get("watchedMs").asLong();
        assertThat(watchedMs).isGreaterThanOrEqualTo(1000);
        assertThat(JSON.readTree(detail(first, "exit")).get("watchedMs").asLong()).isGreaterThanOrEqualTo(watchedMs);
    }

    /** A finger drags from the lower to the upper part of the screen, through the DevTools protocol. */
    static void swipeUp(ChromeDriver chrome) {
        chrome.executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", "touchStart",
                "touchPoints", List.of(Map.of("x", 195, "y", 650))));
        for (int y = 600; y >= 250; y -= 70) {
            chrome.executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", "touchMove",
                    "touchPoints", List.of(Map.of("x", 195, "y", y))));
        }
        chrome.executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", "touchEnd", "touchPoints", List.of()));
    }

    private String detail(String videoId, String type) {
        return jdbc.sql("select detail from playback_beacons where video_id = ? and event_type = ? order by id desc")
                .params(videoId, type).query(String.class).list().get(0);
    }

    @Test
    void whenEveryProgressiveMp4FailsThePlayerFallsBackToHlsOnItsOwn() throws Exception {
        String creator = accounts.ensure("sw_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12),
                "pw-" + UUID.randomUUID(), Set.of(Role.USER)).id();
        String id = publish(creator, io.clipfeed.SampleClips.path("box.mp4"), "Swipe fallback");
        long end = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (catalog.find(id).orElseThrow().renditions().stream().noneMatch(r -> r.kind().equals("hls"))
                && System.nanoTime() < end) {
            Thread.sleep(200);
        }
        List<Rendition> renditions = catalog.find(id).orElseThrow().renditions();
        assertThat(renditions).as("HLS packaged").anyMatch(r -> r.kind().equals("hls"));
        // The network refuses every progressive rendition of this video (the rungs and the video-only starter the
        // page starts with); HLS (its own init and segments) still loads.
        assertThat(renditions).as("starter made").anyMatch(r -> r.kind().equals("starter"));
        List<String> blocked = renditions.stream().filter(r -> r.kind().equals("mp4") || r.kind().equals("starter"))
                .map(r -> "*" + r.blobKey() + ".mp4*").toList();

        try (Browser browser = Browser.mobile("http://localhost:" + port)) {
            ChromeDriver chrome = (ChromeDriver) browser.driver();
            chrome.executeCdpCommand("Network.enable", Map.of());
            chrome.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", blocked));
            browser.open("/?feed=latest");
            browser.waitUntil(d -> browser.script("return document.querySelector('.player-track')?.dataset.current"), GENEROUS);
            assertThat(slideAt(browser, 0)).isEqualTo(id);
            awaitPlaying(browser, id);
            assertThat((String) browser.script("return document.querySelector('.player-slide video').currentSrc"))
                    .as("hls.js plays through Media Source").startsWith("blob:");
        }
        awaitBeacon(id, "error");
        awaitBeacon(id, "first-frame");
    }

    @Test
    void theHomeFeedIsForYouAndSwipingPastAPageLoadsTheNextOneWithoutRepeats() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // one creator each: For You never shows one creator twice in a row
            String creator = accounts.ensure("sw_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12),
                    "pw-" + UUID.randomUUID(), Set.of(Role.USER)).id();
            ids.add(publish(creator, io.clipfeed.SampleClips.path("cup.mp4"), "Paging " + i));
        }
        for (String id : ids) {
            awaitPlayable(id);
        }
        try (Browser browser = Browser.mobile("http://localhost:" + port)) {
            // Two items a page: the fifth slide exists only if the player fetched further pages by itself.
            browser.open("/?pageSize=2");
            browser.waitUntil(d -> browser.script("return document.querySelector('.player-track')?.dataset.current"), GENEROUS);
            for (int i = 1; i <= 4; i++) {
                int index = i;
                browser.waitUntil(d -> (Long) browser.script("return document.querySelectorAll('.player-slide').length") > index, GENEROUS);
                browser.find(".player").sendKeys(org.openqa.selenium.Keys.ARROW_DOWN);
                browser.waitUntil(d -> String.valueOf(index).equals(browser.script("return document.querySelector('.player-track').dataset.current")), GENEROUS);
            }
            @SuppressWarnings("unchecked")
            List<String> shown = (List<String>) browser.script(
                    "return [...document.querySelectorAll('.player-slide')].map(s => s.dataset.videoId)");
            assertThat(shown).hasSizeGreaterThanOrEqualTo(5).doesNotHaveDuplicates();
            // the fifth slide (from a later page) is the one being played: its element has a source
            // (whether it decodes depends on the video: other test classes publish videos with made-up renditions)
            String fifth = "document.querySelector(\".player-slide[data-video-id='" + shown.get(4) + "'] video\")";
            browser.waitUntil(d -> browser.script("return !!" + fifth + ".currentSrc"), GENEROUS);
        }
    }

    private static Object slideAt(Browser browser, int index) {
        return browser.script("return document.querySelectorAll('.player-slide')[arguments[0]].dataset.videoId", index);
    }

    /** A first frame was presented, the element has decoded data and the playhead moves. */
    static void awaitPlaying(Browser browser, String videoId) {
        String video = "document.querySelector(\".player-slide[data-video-id='" + videoId + "'] video\")";
        browser.waitUntil(d -> browser.script("return " + video + ".closest('.player-slide').dataset.firstFrame === 'true'"
                + " && " + video + ".readyState >= 2 && " + video + ".currentTime > 0.2"), GENEROUS);
    }

    private void awaitBeacon(String videoId, String type) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
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
