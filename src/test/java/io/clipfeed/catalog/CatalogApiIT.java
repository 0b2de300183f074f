package io.clipfeed.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.clipfeed.IntegrationTestBase;
import io.clipfeed.TestUsers;
import io.clipfeed.TestUsers.Session;
import io.clipfeed.platform.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The video API over real HTTP: who sees, edits and deletes what. */
class CatalogApiIT extends IntegrationTestBase {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void othersCannotSeePatchOrDeleteAPrivateVideo() throws Exception {
        Session owner = TestUsers.register(port);
        Session other = TestUsers.register(port);
        String id = published(owner, Visibility.PRIVATE, "secret #plans").id();

        assertThat(call("GET", id, null, other).statusCode()).isEqualTo(404);
        assertThat(call("GET", id, null, null).statusCode()).isEqualTo(404);
        assertThat(call("PATCH", id, "{\"title\":\"mine now\"}", other).statusCode()).isEqualTo(404);
        assertThat(call("DELETE", id, null, other).statusCode()).isEqualTo(404);
        assertThat(call("GET", id, null, owner).statusCode()).isEqualTo(200);
        assertThat(catalog.find(id).orElseThrow().title()).isEqualTo("clip");
        assertThat(catalog.find(id).orElseThrow().status()).isEqualTo(VideoStatus.PUBLISHED);
    }

    @Test
    void moderatorsMayManageAnyonesPrivateVideo() throws Exception {
        Session owner = TestUsers.register(port);
        Session moderator = TestUsers.withRoles(port, accounts, Role.USER, Role.MODERATOR);
        String id = published(owner, Visibility.PRIVATE, "needs review").id();
        assertThat(call("GET", id, null, moderator).statusCode()).isEqualTo(200);
        assertThat(call("PATCH", id, "{\"title\":\"Renamed by staff\"}", moderator).statusCode()).isEqualTo(200);
        assertThat(call("DELETE", id, null, moderator).statusCode()).isEqualTo(204);
        assertThat(catalog.find(id).orElseThrow().status()).isEqualTo(VideoStatus.DELETED);
        assertThat(catalog.find(id).orElseThrow().statusReason()).contains(moderator.username());
    }

    @Test
    void othersSeeButCannotChangeAPublicVideo() throws Exception {
        Session owner = TestUsers.register(port);
        Session other = TestUsers.register(port);
        String id = published(owner, Visibility.PUBLIC, "hello").id();

        assertThat(call("GET", id, null, null).statusCode()).isEqualTo(200);
        assertThat(call("PATCH", id, "{\"title\":\"mine now\"}", other).statusCode()).isEqualTo(403);
        assertThat(call("DELETE", id, null, other).statusCode()).isEqualTo(403);
        assertThat(call("PATCH", id, "{\"title\":\"x\"}", null).statusCode()).isEqualTo(401);
        assertThat(catalog.find(id).orElseThrow().status()).isEqualTo(VideoStatus.PUBLISHED);
    }

    @Test
    void unpublishedVideosAreVisibleOnlyToTheirCreator() throws Exception {
        Session owner = TestUsers.register(port);
        Video uploading = catalog.create(new NewVideo(owner.userId(), "raw", "", Visibility.PUBLIC, "raw.mp4"));
        assertThat(call("GET", uploading.id(), null, null).statusCode()).isEqualTo(404);
        JsonNode own = JSON.readTree(call("GET", uploading.id(), null, owner).body());
        assertThat(own.get("status").asString()).isEqualTo("UPLOADING");
        assertThat(own.get("progress").asInt()).isZero();
    }

    @Test
    void getAnswersTheStableShape() throws Exception {
        Session owner = TestUsers.register(port);
        String id = published(owner, Visibility.UNLISTED, "Sunset over the bay #Sunset #bay").id();
        HttpResponse<String> response = call("GET", id, null, null);
        assertThat(response.statusCode()).as("unlisted is visible by id").isEqualTo(200);
        JsonNode v = JSON.readTree(response.body());
        assertThat(v.get("id").asString()).isEqualTo(id);
        assertThat(v.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(v.get("visibility").asString()).isEqualTo("UNLISTED");
        assertThat(v.get("hashtags").toString()).isEqualTo("[\"sunset\",\"bay\"]");
        assertThat(v.get("creator").get("id").asString()).isEqualTo(owner.userId());
        assertThat(v.get("creator").get("username").asString()).isEqualTo(owner.username());
        assertThat(v.get("durationMs").asLong()).isEqualTo(2500);
        assertThat(v.get("width").asInt()).isEqualTo(540);
        assertThat(v.get("height").asInt()).isEqualTo(960);
        assertThat(v.get("renditions").get(0).get("codec").asString()).isEqualTo("avc1.64001f");
        assertThat(v.get("renditions").get(0).has("blobKey")).as("blob keys stay internal").isFalse();
        assertThat(v.get("counts").get("likes").asLong()).isZero();
        assertThat(v.get("createdAt").asString()).isNotBlank();
    }

    @Test
    void patchEditsTextReparsesHashtagsAndValidates() throws Exception {
        Session owner = TestUsers.register(port);
        String id = published(owner, Visibility.PUBLIC, "old #one").id();
        HttpResponse<String> ok = call("PATCH", id,
                "{\"title\":\"New title\",\"description\":\"Now #Two and #drei\",\"visibility\":\"private\"}", owner);
        assertThat(ok.statusCode()).isEqualTo(200);
        JsonNode v = JSON.readTree(ok.body());
        assertThat(v.get("title").asString()).isEqualTo("New title");
        assertThat(v.get("hashtags").toString()).isEqualTo("[\"two\",\"drei\"]");
        assertThat(v.get("visibility").asString()).isEqualTo("PRIVATE");
        assertThat(catalog.find(id).orElseThrow().hashtags()).containsExactly("two", "drei");

        assertThat(call("PATCH", id, "{\"title\":\"" + "t".repeat(151) + "\"}", owner).statusCode()).isEqualTo(400);
        assertThat(call("PATCH", id, "{\"description\":\"" + "d".repeat(2201) + "\"}", owner).statusCode())
                .isEqualTo(400);
        assertThat(call("PATCH", id, "{\"visibility\":\"everyone\"}", owner).statusCode()).isEqualTo(400);
        assertThat(call("PATCH", id, "[1,2", owner).statusCode()).isEqualTo(400);
        assertThat(catalog.find(id).orElseThrow().title()).isEqualTo("New title");
    }

    @Test
    void deleteByTheOwnerHidesTheVideoForGood() throws Exception {
        Session owner = TestUsers.register(port);
        String id = published(owner, Visibility.PUBLIC, "bye").id();
        assertThat(call("DELETE", id, null, owner).statusCode()).isEqualTo(204);
        assertThat(catalog.find(id).orElseThrow().status()).isEqualTo(VideoStatus.DELETED);
        assertThat(call("GET", id, null, owner).statusCode()).isEqualTo(404);
        assertThat(call("DELETE", id, null, owner).statusCode()).isEqualTo(404);
    }

    @Test
    void malformedIdsAreNotFoundProblems() throws Exception {
        Session user = TestUsers.register(port);
        // an encoded slash or NUL is refused by Tomcat itself with a 400 before the application sees it
        assertThat(call("GET", "..%2F..%2Fetc", null, user).statusCode()).isEqualTo(400);
        assertThat(call("GET", "%00", null, user).statusCode()).isEqualTo(400);
        for (String id : List.of("x", "a".repeat(100), "not-an-id!", "%E2%80%AEabc", "abc%20def")) {
            HttpResponse<String> r = call("GET", id, null, user);
            assertThat(r.statusCode()).as(id).isIn(400, 404);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(id).contains("problem+json");
        }
        assertThat(call("GET", "abcdefghij0123456789", null, user).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/users/not-an-id!/videos", user).statusCode()).isEqualTo(404);
    }

    @Test
    void creatorListsPageWithCursorsAndHideWhatOthersMayNotSee() throws Exception {
        Session owner = TestUsers.register(port);
        Session other = TestUsers.register(port);
        List<String> publicIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            publicIds.add(0, published(owner, Visibility.PUBLIC, "clip " + i).id());
        }
        String privateId = published(owner, Visibility.PRIVATE, "private").id();
        String unlistedId = published(owner, Visibility.UNLISTED, "unlisted").id();
        String uploadingId = catalog.create(new NewVideo(owner.userId(), "up", "", Visibility.PUBLIC, "u.mp4")).id();

        String path = "/api/v1/users/" + owner.userId() + "/videos?limit=2";
        JsonNode first = JSON.readTree(get(path, other).body());
        assertThat(ids(first)).containsExactly(publicIds.get(0), publicIds.get(1));
        JsonNode second = JSON.readTree(get(path + "&cursor=" + first.get("nextCursor").asString(), other).body());
        assertThat(ids(second)).containsExactly(publicIds.get(2));
        assertThat(second.has("nextCursor")).isFalse();

        JsonNode mine = JSON.readTree(get("/api/v1/me/videos?limit=50", owner).body());
        assertThat(ids(mine)).containsExactly(uploadingId, unlistedId, privateId, publicIds.get(0), publicIds.get(1),
                publicIds.get(2));
        assertThat(mine.get("items").get(0).get("status").asString()).isEqualTo("UPLOADING");
        assertThat(get("/api/v1/me/videos", null).statusCode()).isEqualTo(401);
        assertThat(get(path + "&cursor=garbage", other).statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/users/" + owner.userId() + "/videos?limit=500", other).statusCode()).isEqualTo(400);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(v -> ids.add(v.get("id").asString()));
        return ids;
    }

    /** A video taken through the whole lifecycle the way upload and media will drive it. */
    private Video published(Session owner, Visibility visibility, String description) {
        Video v = catalog.create(new NewVideo(owner.userId(), "clip", description, visibility, "clip.mp4"));
        catalog.markUploaded(v.id(), TestUsers.randomHex(32), 1234);
        catalog.transition(v.id(), VideoStatus.PROCESSING, null);
        catalog.recordMediaFacts(v.id(), new MediaFacts(2500, 540, 960));
        catalog.recordRendition(v.id(), new Rendition(null, "mp4", "avc1.64001f", 540, 960, 1_000_000, 300_000,
                TestUsers.randomHex(32), null, null, null));
        return catalog.transition(v.id(), VideoStatus.PLAYABLE, null);
    }

    private HttpResponse<String> call(String method, String id, String body, Session as) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/videos/" + id))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (as != null) {
            b.header("Authorization", as.bearer());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, Session as) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (as != null) {
            b.header("Authorization", as.bearer());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
