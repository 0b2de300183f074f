package io.clipfeed.social;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.test.context.TestPropertySource;

import io.clipfeed.IntegrationTestBase;
import io.clipfeed.TestUsers;
import io.clipfeed.TestUsers.Session;
import io.clipfeed.catalog.MediaFacts;
import io.clipfeed.catalog.NewVideo;
import io.clipfeed.catalog.Rendition;
import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoStatus;
import io.clipfeed.catalog.Visibility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shared setup of the social ITs: published videos made through the catalog the way media drives it (without
 * transcoding: these tests are about what happens around a video), and plain HTTP calls as a given user.
 */
@TestPropertySource(properties = "clipfeed.media.auto-process=false")
abstract class SocialITBase extends IntegrationTestBase {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    Session user() {
        return TestUsers.register(port);
    }

    /** A published public video of {@code owner}, {@code durationMs} long. */
    Video published(Session owner, long durationMs) {
        return published(owner, durationMs, Visibility.PUBLIC);
    }

    Video published(Session owner, long durationMs, Visibility visibility) {
        Video v = catalog.create(new NewVideo(owner.userId(), "clip", "", visibility, "clip.mp4"));
        catalog.markUploaded(v.id(), TestUsers.randomHex(32), 1234);
        catalog.transition(v.id(), VideoStatus.PROCESSING, null);
        catalog.recordMediaFacts(v.id(), new MediaFacts(durationMs, 540, 960));
        catalog.recordRendition(v.id(), new Rendition(null, "mp4", "avc1.64001f", 540, 960, 1_000_000, 300_000,
                TestUsers.randomHex(32), null, null, null));
        catalog.transition(v.id(), VideoStatus.PLAYABLE, null);
        return catalog.find(v.id()).orElseThrow();
    }

    HttpResponse<String> call(String method, String path, Object body, Session as) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s
                                : JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        if (as != null) {
            b.header("Authorization", as.bearer());
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The JSON body of a call that must answer {@code status}. */
    JsonNode ok(int status, String method, String path, Object body, Session as) {
        HttpResponse<String> r = call(method, path, body, as);
        if (r.statusCode() != status) {
            throw new AssertionError(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body().isEmpty() ? null : JSON.readTree(r.body());
    }

    JsonNode get(String path, Session as) {
        return ok(200, "GET", path, null, as);
    }

    JsonNode counts(String videoId) {
        return get("/api/v1/videos/" + videoId, null).get("counts");
    }
}
