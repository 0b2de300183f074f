package io.clipfeed.delivery;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import io.clipfeed.IntegrationTestBase;
import io.clipfeed.catalog.Rendition;
import io.clipfeed.catalog.Visibility;
import io.clipfeed.platform.Ids;
import io.clipfeed.platform.Role;
import io.clipfeed.storage.BlobStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The running application plus helpers to publish a clip and address its files. */
@org.springframework.test.context.TestPropertySource(properties = "clipfeed.media.auto-process=false")
abstract class DeliveryITBase extends IntegrationTestBase {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PASSWORD = "correct horse battery";

    @Autowired
    BlobStore store;
    @Autowired
    PlaybackUrls playbackUrls;

    Clips.Clip publicClip() throws IOException {
        return Clips.publish(catalog, store, Ids.newId(), Visibility.PUBLIC, Clips.none());
    }

    Clips.Clip clip(Visibility visibility, String creatorId, List<Rendition> extra) throws IOException {
        return Clips.publish(catalog, store, creatorId, visibility, extra);
    }

    /** The signed prefix of a public clip (path only), as play info hands it out. */
    String prefixOf(Clips.Clip clip) {
        PlayInfo info = playbackUrls.playInfo(catalog.find(clip.id()).orElseThrow(), Optional.empty(),
                PlaybackHints.DEFAULT).orElseThrow();
        String mp4 = URI.create(info.mp4Url().startsWith("/") ? "http://x" + info.mp4Url() : info.mp4Url())
                .getPath();
        return mp4.substring(0, mp4.lastIndexOf('/') + 1);
    }

    record Session(String userId, String token) {
    }

    /** A freshly registered user, through the public API. */
    Session register() throws IOException {
        String name = "d" + Ids.newId().toLowerCase();
        return session(RawHttp.post(port, "/api/v1/auth/register",
                "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}"));
    }

    /** A freshly created moderator, signed in. */
    Session moderator() throws IOException {
        String name = "m" + Ids.newId().toLowerCase();
        accounts.ensure(name, PASSWORD, Set.of(Role.USER, Role.MODERATOR));
        return session(RawHttp.post(port, "/api/v1/auth/login",
                "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}"));
    }

    private static Session session(RawHttp.Response response) {
        JsonNode body = json(response);
        return new Session(body.get("user").get("id").asString(), body.get("token").asString());
    }

    /** {@code GET /api/v1/videos/{id}/play?query} as the holder of {@code token} (null: anonymous). */
    RawHttp.Response play(String videoId, String query, String token, String... headers) throws IOException {
        List<String> all = new java.util.ArrayList<>(List.of(headers));
        if (token != null) {
            all.add("Authorization: Bearer " + token);
        }
        return get("/api/v1/videos/" + videoId + "/play" + (query.isEmpty() ? "" : "?" + query),
                all.toArray(String[]::new));
    }

    static JsonNode json(RawHttp.Response response) {
        return JSON.readTree(response.body());
    }

    /** The path of a URL from play info (relative, or absolute with a base URL). */
    static String path(String url) {
        return url.startsWith("/") ? url : URI.create(url).getRawPath();
    }

    /** A request that answers with a status. */
    interface StatusProbe {
        int status() throws IOException;
    }

    /** The status a probe settled on after the video was deleted, and how long that took. */
    record Stopped(int status, long millis) {
    }

    /** Deletes the video, then probes until the answer is no longer 206 (for at most 3 s). */
    Stopped deleteAndProbe(String videoId, StatusProbe probe) throws IOException {
        long start = System.nanoTime();
        catalog.transition(videoId, io.clipfeed.catalog.VideoStatus.DELETED, "deleted by its creator");
        int status;
        do {
            status = probe.status();
        } while (status == 206 && System.nanoTime() - start < 3_000_000_000L);
        return new Stopped(status, (System.nanoTime() - start) / 1_000_000);
    }

    RawHttp.Response get(String target, String... headers) throws IOException {
        return RawHttp.send(port, "GET", target, headers);
    }
}
