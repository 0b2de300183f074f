package io.clipfeed.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

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

/** The home page's interim list: published public videos only, newest first, with their creator. */
class LatestVideosIT extends IntegrationTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void listsPublishedPublicVideosButNeitherPrivateNorUnfinishedOnes() throws Exception {
        TestUsers.Session creator = TestUsers.register(port);
        String open = playable(creator, Visibility.PUBLIC, "Sunrise over the bay").id();
        String hidden = playable(creator, Visibility.PRIVATE, "My secret clip").id();
        String uploading = catalog.create(new NewVideo(creator.userId(), "Still uploading", "", Visibility.PUBLIC,
                "u.mp4")).id();

        JsonNode items = get("/api/v1/web/latest?limit=50").get("items");
        assertThat(items.valueStream().map(i -> i.get("video").get("id").asString()))
                .contains(open).doesNotContain(hidden, uploading);
        JsonNode card = items.valueStream().filter(i -> i.get("video").get("id").asString().equals(open))
                .findFirst().orElseThrow().get("video");
        assertThat(card.get("title").asString()).isEqualTo("Sunrise over the bay");
        assertThat(card.get("creator").get("username").asString()).isEqualTo(creator.username());
    }

    @Test
    void everyItemCarriesTheCardFieldsAndThePlayInfoInline() throws Exception {
        TestUsers.Session creator = TestUsers.register(port);
        String open = playable(creator, Visibility.PUBLIC, "Inline play #sunset").id();

        JsonNode item = get("/api/v1/web/latest?limit=50&net=4g").get("items").valueStream()
                .filter(i -> i.get("video").get("id").asString().equals(open)).findFirst().orElseThrow();
        assertThat(item.get("reason").asString()).isEqualTo("latest");
        JsonNode card = item.get("video");
        for (String field : new String[] {"description", "hashtags", "durationMs", "width", "height", "createdAt"}) {
            assertThat(card.has(field)).as(field).isTrue();
        }
        assertThat(card.get("durationMs").asLong()).isEqualTo(2500);
        assertThat(card.get("counts").get("views").isNumber()).isTrue();
        JsonNode play = item.get("play");
        assertThat(play.get("mp4Url").asString()).startsWith("/media/v/" + open + "/").endsWith(".mp4");
        assertThat(play.get("preload").get("rangeEnd").asLong()).isPositive();
        assertThat(play.get("format").asString()).isEqualTo("mp4");
        assertThat(java.time.Instant.parse(play.get("expiresAt").asString())).isAfter(java.time.Instant.now());
    }

    @Test
    void rejectsAnOutOfRangeLimitOrAForgedCursor() throws Exception {
        assertThat(status("/api/v1/web/latest?limit=0")).isEqualTo(400);
        assertThat(status("/api/v1/web/latest?limit=51")).isEqualTo(400);
        assertThat(status("/api/v1/web/latest?cursor=not-a-cursor")).isEqualTo(400);
        assertThat(status("/api/v1/web/latest?cursor=" + "x".repeat(300))).isEqualTo(400);
    }

    private Video playable(TestUsers.Session owner, Visibility visibility, String title) {
        Video v = catalog.create(new NewVideo(owner.userId(), title, "", visibility, "clip.mp4"));
        catalog.markUploaded(v.id(), TestUsers.randomHex(32), 1234);
        catalog.transition(v.id(), VideoStatus.PROCESSING, null);
        catalog.recordMediaFacts(v.id(), new MediaFacts(2500, 540, 960));
        catalog.recordRendition(v.id(), new Rendition(null, "mp4", "avc1.64001f", 540, 960, 1_000_000, 300_000,
                TestUsers.randomHex(32), null, null, null));
        return catalog.transition(v.id(), VideoStatus.PLAYABLE, null);
    }

    private HttpResponse<String> send(String path) throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> res = send(path);
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        return JSON.readTree(res.body());
    }

    private int status(String path) throws Exception {
        return send(path).statusCode();
    }
}
