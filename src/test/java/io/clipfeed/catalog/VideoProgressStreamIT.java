package io.clipfeed.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.clipfeed.IntegrationTestBase;
import io.clipfeed.TestUsers;

/** The uploader's page follows processing as server-sent events until the outcome is known. */
class VideoProgressStreamIT extends IntegrationTestBase {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpRequest stream(String videoId, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/videos/" + videoId + "/progress"))
                .timeout(Duration.ofSeconds(60)).header("Accept", "text/event-stream");
        return (bearer == null ? b : b.header("Authorization", bearer)).GET().build();
    }

    @Test
    void theCreatorSeesEachChangeAndTheStreamEndsWithTheFailureReason() throws Exception {
        TestUsers.Session creator = TestUsers.register(port);
        Video video = catalog.create(new NewVideo(creator.userId(), "clip", "", Visibility.PUBLIC, "clip.mp4"));

        HttpResponse<java.io.InputStream> response = http.send(stream(video.id(), creator.bearer()),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        CompletableFuture<List<String>> all = CompletableFuture.supplyAsync(() -> dataLines(response, events));

        // each change waits for the event of the one before, so none is folded into the next poll
        assertThat(next(events)).contains("\"status\":\"UPLOADING\"").contains("\"progress\":0");
        catalog.recordProgress(video.id(), 20);
        assertThat(next(events)).contains("\"status\":\"UPLOADING\"").contains("\"progress\":20");
        catalog.recordProgress(video.id(), 45);
        assertThat(next(events)).contains("\"progress\":45");
        catalog.transition(video.id(), VideoStatus.FAILED, "This file is not a video we can read.");
        assertThat(next(events)).contains("\"status\":\"FAILED\"")
                .contains("This file is not a video we can read.");

        List<String> data = all.get(30, TimeUnit.SECONDS); // the stream ends after the outcome
        assertThat(data).as("one event per change, nothing else").hasSize(4);
    }

    private static String next(BlockingQueue<String> events) throws InterruptedException {
        String event = events.poll(30, TimeUnit.SECONDS);
        assertThat(event).as("an event within 30 s").isNotNull();
        return event;
    }

    @Test
    void onlyTheCreatorMayFollowTheProgress() throws Exception {
        TestUsers.Session creator = TestUsers.register(port);
        TestUsers.Session stranger = TestUsers.register(port);
        Video video = catalog.create(new NewVideo(creator.userId(), "clip", "", Visibility.PUBLIC, "clip.mp4"));

        assertThat(http.send(stream(video.id(), stranger.bearer()), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(404);
        assertThat(http.send(stream(video.id(), null), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(401);
        // a path trick never reaches a lookup; an id that cannot exist is a missing video (Ids.requireWellFormed)
        assertThat(http.send(stream("..%2Fetc", creator.bearer()), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(400);
        HttpResponse<String> malformed = http.send(stream("not*an*id", creator.bearer()),
                HttpResponse.BodyHandlers.ofString());
        assertThat(malformed.statusCode()).isEqualTo(404);
        assertThat(malformed.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    private static List<String> dataLines(HttpResponse<java.io.InputStream> response, BlockingQueue<String> each) {
        List<String> data = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("data:")) {
                    data.add(line.substring(5));
                    each.add(line.substring(5));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return data;
    }
}
