package io.clipfeed.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.clipfeed.TestUsers;
import io.clipfeed.TestUsers.Session;
import io.clipfeed.catalog.Video;
import io.clipfeed.platform.Ids;

/**
 * Views are counted from real player beacons: after 2 s or half the clip (or the end), once per viewer per video
 * per hour, anonymous viewers told apart by playback session.
 */
class ViewCountingIT extends SocialITBase {

    void beacon(Video video, String sessionId, Session viewer, String events) {
        String body = "{\"sessionId\":\"" + sessionId + "\",\"videoId\":\"" + video.id() + "\",\"events\":[" + events
                + "]}";
        ok(202, "POST", "/api/v1/beacons", body, viewer);
    }

    static String watched(long ms) {
        return "{\"type\":\"watched\",\"t\":" + ms + ",\"watchedMs\":" + ms + "}";
    }

    long views(Video video) {
        return counts(video.id()).get("views").asLong();
    }

    /** Waits for the asynchronous count to settle on {@code expected} (and stay there a moment). */
    void awaitViews(Video video, long expected) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(views(video)).isEqualTo(expected));
    }

    @Test
    void countsAfterTwoSecondsOrHalfTheClipAndNotBefore() throws Exception {
        Video longClip = published(TestUsers.register(port), 60_000);
        beacon(longClip, "s-" + Ids.newId(), null,
                watched(1999) + ",{\"type\":\"exit\",\"t\":1999,\"watchedMs\":1999}");
        String countedSession = "s-" + Ids.newId();
        beacon(longClip, countedSession, null, watched(2000));
        awaitViews(longClip, 1);

        Video shortClip = published(TestUsers.register(port), 3_000);
        beacon(shortClip, "s-" + Ids.newId(), null, watched(1400));
        beacon(shortClip, "s-" + Ids.newId(), null, watched(1500));
        beacon(shortClip, "s-" + Ids.newId(), null, "{\"type\":\"ended\",\"t\":900}");
        awaitViews(shortClip, 2);
        Thread.sleep(500);
        assertThat(views(longClip)).isEqualTo(1);
        assertThat(views(shortClip)).isEqualTo(2);
    }

    @Test
    void countsOncePerViewerPerHour() throws Exception {
        Video video = published(TestUsers.register(port), 60_000);
        Session viewer = TestUsers.register(port);
        String session = "s-" + Ids.newId();
        beacon(video, session, viewer, watched(2500));
        awaitViews(video, 1);
        // the same signed-in viewer in another playback session, and the exit report of the first one
        beacon(video, "s-" + Ids.newId(), viewer, watched(3000));
        beacon(video, session, viewer, "{\"type\":\"exit\",\"t\":9000,\"watchedMs\":9000}");
        // an anonymous viewer is a different viewer, known by session
        String anonymous = "s-" + Ids.newId();
        beacon(video, anonymous, null, watched(2100));
        beacon(video, anonymous, null, "{\"type\":\"ended\",\"t\":60000,\"watchedMs\":60000}");
        awaitViews(video, 2);
        Thread.sleep(1000);
        assertThat(views(video)).isEqualTo(2);

        // an hour later the same viewer counts again
        jdbc.sql("update video_view_marks set counted_at = counted_at - interval '61' minute where video_id = ? "
                + "and viewer_key = ?").param(video.id()).param("u:" + viewer.userId()).update();
        beacon(video, "s-" + Ids.newId(), viewer, watched(2000));
        awaitViews(video, 3);
    }
}
