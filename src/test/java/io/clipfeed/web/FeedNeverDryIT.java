package io.clipfeed.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import io.clipfeed.Browser;
import io.clipfeed.IntegrationTestBase;
import io.clipfeed.SampleClips;
import io.clipfeed.TestUsers;
import io.clipfeed.catalog.NewVideo;
import io.clipfeed.catalog.Rendition;
import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoStatus;
import io.clipfeed.catalog.Visibility;
import io.clipfeed.storage.Blob;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Returning viewers of the home page in headless Chromium, anonymous and signed in: every visit gets slides, never
 * the empty state, however much was served before; what they watched waits behind what they have not, and once
 * they watched everything the feed says so once and goes on. The videos are published without transcoding, each
 * with a real clip as its MP4 rendition, so they play at once.
 */
@io.clipfeed.BrowserTest
@TestPropertySource(properties = "clipfeed.media.auto-process=false")
class FeedNeverDryIT extends IntegrationTestBase {

    static final Duration GENEROUS = Duration.ofSeconds(90);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String HOME = "/?pageSize=50";

    final List<String> published = new ArrayList<>();

    @BeforeEach
    void eightPlayableVideos() throws Exception {
        Blob clip = blobs.put(SampleClips.path("cup.mp4"), "video/mp4");
        List<String> creators = List.of(TestUsers.register(port).userId(), TestUsers.register(port).userId(),
                TestUsers.register(port).userId(), TestUsers.register(port).userId());
        for (int v = 0; v < 8; v++) {
            Video video = catalog.create(new NewVideo(creators.get(v % 4), "Never dry " + v, "", Visibility.PUBLIC,
                    "cup.mp4"));
            catalog.markUploaded(video.id(), clip.key().sha256(), clip.size());
            catalog.transition(video.id(), VideoStatus.PROCESSING, null);
            catalog.recordRendition(video.id(), new Rendition(null, "mp4", "avc1.64001e", 640, 480, 1_000_000,
                    clip.size(), clip.key().sha256(), null, null, null));
            catalog.transition(video.id(), VideoStatus.PLAYABLE, null); // post-moderation: published at once
            published.add(video.id());
        }
        // For You's precomputed lists take them up at their next refresh
        awaitTrue(() -> fresh(null, "x" + TestUsers.randomHex(8)).containsAll(published), "all eight listed");
    }

    @Test
    void aReturningAnonymousVisitorGetsSlidesOnEveryVisit() throws Exception {
        try (Browser browser = Browser.mobile("http://localhost:" + port)) {
            browser.open(HOME);
            awaitSlides(browser);
            String watched = watchOneOfOurs(browser);
            String session = (String) browser.script("return localStorage.getItem('clipfeed.feedSession')");
            // the player reports the watch under the feed session, so For You knows this visitor watched it
            awaitTrue(() -> watchedBeacons(watched, session) > 0, "watched beacon under the feed session");
            awaitTrue(() -> !fresh(null, session).contains(watched), "the watched video counts as seen");

            browser.open(HOME);
            assertThat(awaitSlides(browser)).as("what was watched waits behind the rest").isNotEqualTo(watched);
            assertMarkerOnlyOnWatched(browser, watched);

            browser.open(HOME);
            awaitSlides(browser);
        }
    }

    @Test
    void aReturningSignedInViewerGetsSlidesOnEveryVisitAndIsToldOnceWhenCaughtUp() throws Exception {
        String username = "nd_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Browser browser = Browser.mobile("http://localhost:" + port)) {
            new WebPages(browser).signUp(username);
            String bearer = TestUsers.login(port, username, WebPages.PASSWORD).bearer();

            browser.open(HOME);
            awaitSlides(browser);
            String watched = watchOneOfOurs(browser);
            awaitTrue(() -> !fresh(bearer, null).contains(watched), "the watched video counts as seen");

            browser.open(HOME);
            assertThat(awaitSlides(browser)).isNotEqualTo(watched);

            // the viewer has watched everything (reported as the player reports it)
            for (String id : fresh(bearer, null)) {
                beacon(id, bearer);
            }
            awaitTrue(() -> fresh(bearer, null).isEmpty(), "nothing fresh is left");
            browser.open(HOME);
            awaitSlides(browser);
            assertThat(browser.script("return document.querySelectorAll('.caught-up-marker').length")).isEqualTo(1L);
            assertThat(browser.script("return document.querySelectorAll('.player-slide')[0].dataset.caughtUpMarker"))
                    .as("the first slide says the viewer is caught up").isEqualTo("true");
            assertThat((String) browser.script("return document.querySelector('.caught-up-marker').textContent"))
                    .contains("all caught up");
        }
    }

    /**
     * Swipes (arrow keys) to the first slide showing one of this test's videos and waits until it plays; returns
     * its id. The suite shares one database, and other tests' videos (made-up renditions) may come first.
     */
    private String watchOneOfOurs(Browser browser) {
        @SuppressWarnings("unchecked")
        List<String> shown = (List<String>) browser.script(
                "return [...document.querySelectorAll('.player-slide')].map(s => s.dataset.videoId)");
        int index = java.util.stream.IntStream.range(0, shown.size()).filter(i -> published.contains(shown.get(i)))
                .findFirst().orElseThrow(() -> new AssertionError("none of the eight on the first page: " + shown));
        for (int i = 1; i <= index; i++) {
            String at = String.valueOf(i);
            browser.find(".player").sendKeys(org.openqa.selenium.Keys.ARROW_DOWN);
            browser.waitUntil(d -> at.equals(browser.script(
                    "return document.querySelector('.player-track').dataset.current")), GENEROUS);
        }
        SwipeFeedIT.awaitPlaying(browser, shown.get(index));
        return shown.get(index);
    }

    /** Waits for the player (not the empty state) and returns the first slide's video. */
    private String awaitSlides(Browser browser) {
        browser.waitUntil(d -> browser.script("return document.querySelectorAll('.player-slide').length > 0"
                + " || !!document.querySelector('.feed-grid .empty')"), GENEROUS);
        assertThat(browser.script("return !!document.querySelector('.feed-grid .empty')")).as("empty state")
                .isEqualTo(false);
        return (String) browser.script("return document.querySelector('.player-slide').dataset.videoId");
    }

    /** On a visit after one watch, only the watched video (if on the track at all) is marked as caught up. */
    private static void assertMarkerOnlyOnWatched(Browser browser, String watched) {
        Object marked = browser.script("const m = document.querySelector('.player-slide[data-caught-up-marker]');"
                + " return m ? m.dataset.videoId : null");
        if (marked != null) {
            assertThat(marked).isEqualTo(watched);
        }
    }

    private long watchedBeacons(String videoId, String session) {
        return jdbc.sql("select count(*) from playback_beacons where video_id = ? and session_id = ?"
                + " and event_type = 'watched'").params(videoId, session).query(Long.class).single();
    }

    /** The viewer's fresh For You videos on a new visit: those before the first caught-up item. */
    private List<String> fresh(String bearer, String session) throws Exception {
        String path = "/api/v1/feed/for-you?limit=50" + (session == null ? "" : "&session=" + session);
        List<String> ids = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 100; page++) {
            JsonNode body = get(path + (cursor == null ? "" : "&cursor=" + cursor), bearer);
            for (JsonNode item : body.get("items")) {
                String kind = item.get("reasonKind").asString();
                if (kind.equals("rewatch") || kind.equals("caught-up")) {
                    return ids;
                }
                ids.add(item.get("video").get("id").asString());
            }
            if (!body.hasNonNull("nextCursor")) {
                return ids; // nothing listed yet (the lists refresh every few seconds): the caller waits
            }
            cursor = body.get("nextCursor").asString();
        }
        return ids;
    }

    private JsonNode get(String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private void beacon(String videoId, String bearer) throws Exception {
        String body = "{\"sessionId\":\"nd" + TestUsers.randomHex(8) + "\",\"videoId\":\"" + videoId
                + "\",\"events\":[{\"type\":\"watched\",\"t\":3000,\"watchedMs\":3000,\"completed\":false}]}";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/beacons")).header("Authorization", bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    interface Check {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(Check check, String what) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!check.holds()) {
            assertThat(System.nanoTime()).as(what).isLessThan(end);
            Thread.sleep(200);
        }
    }
}
