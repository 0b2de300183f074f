package io.clipfeed.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A Clipfeed server in another process seen through its HTTP API only: tus uploads, videos, play info, files. */
final class RemoteApp {

    private static final int CHUNK = 4 * 1024 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String bearer;

    RemoteApp(int port, String bearer) {
        this.base = "http://localhost:" + port;
        this.bearer = bearer;
    }

    /** Uploads the file over tus in 4 MB PATCHes and returns the video id. */
    String upload(Path file, String title) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        HttpResponse<String> created = send(tus(URI.create(base + "/api/v1/uploads"))
                .header("Upload-Length", String.valueOf(bytes.length))
                .header("Upload-Metadata", "filename " + b64(file.getFileName().toString()) + ",filetype "
                        + b64("video/mp4") + ",title " + b64(title))
                .POST(BodyPublishers.noBody()).build(), BodyHandlers.ofString());
        check(created, 201);
        URI location = URI.create(base).resolve(created.headers().firstValue("Location").orElseThrow());
        for (int offset = 0; offset < bytes.length; offset += CHUNK) {
            byte[] chunk = Arrays.copyOfRange(bytes, offset, Math.min(bytes.length, offset + CHUNK));
            check(send(tus(location).header("Upload-Offset", String.valueOf(offset))
                    .header("Content-Type", "application/offset+octet-stream")
                    .method("PATCH", BodyPublishers.ofByteArray(chunk)).build(), BodyHandlers.ofString()), 204);
        }
        return created.headers().firstValue("Clipfeed-Video-Id").orElseThrow();
    }

    JsonNode video(String id) {
        return getJson("/api/v1/videos/" + id);
    }

    JsonNode play(String id) {
        return getJson("/api/v1/videos/" + id + "/play");
    }

    /** Polls the video every 50 ms until the condition holds; fails with the last state seen. */
    JsonNode await(String id, Predicate<JsonNode> condition, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        JsonNode video = video(id);
        while (!condition.test(video)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("video " + id + " not in the expected state in " + limit + ": " + video);
            }
            Thread.sleep(50);
            video = video(id);
        }
        return video;
    }

    /** Downloads a (relative or absolute) URL the API handed out. */
    Path download(String url, Path target) throws IOException {
        HttpResponse<InputStream> r = send(HttpRequest.newBuilder(URI.create(base).resolve(url)).build(),
                BodyHandlers.ofInputStream());
        check(r, 200);
        try (InputStream in = r.body()) {
            Files.copy(in, target);
        }
        return target;
    }

    String text(String url) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base).resolve(url)).build(),
                BodyHandlers.ofString());
        check(r, 200);
        return r.body();
    }

    private JsonNode getJson(String path) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", bearer).build(), BodyHandlers.ofString());
        check(r, 200);
        return JSON.readTree(r.body());
    }

    private HttpRequest.Builder tus(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Tus-Resumable", "1.0.0")
                .header("Authorization", bearer);
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void check(HttpResponse<?> r, int expected) {
        if (r.statusCode() != expected) {
            throw new AssertionError(r.request().method() + " " + r.uri() + " answered " + r.statusCode() + ": "
                    + r.body());
        }
    }

    private static String b64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
