package io.clipfeed.upload;

import java.io.IOException;
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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import io.clipfeed.TestUsers;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Raw tus requests over java.net.http, so tests see exactly the statuses and headers a client sees. */
final class TusHttp {

    static final String TUS = "1.0.0";
    static final String OCTETS = "application/offset+octet-stream";
    private static final Pattern STATE = Pattern.compile("\"state\"\\s*:\\s*\"([A-Z]+)\"");
    private static final Pattern BLOB = Pattern.compile("\"blobKey\"\\s*:\\s*\"([0-9a-f]{64})\"");

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final String base;
    final int port;

    TusHttp(int port) {
        this.port = port;
        this.base = "http://localhost:" + port;
    }

    URI uploads() {
        return URI.create(base + "/api/v1/uploads");
    }

    /** Registers a fresh user and returns their bearer token. */
    String newUser() {
        return TestUsers.register(port).token();
    }

    HttpRequest.Builder tus(URI uri, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Tus-Resumable", TUS);
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    HttpResponse<String> create(String token, long length, String metadata) {
        HttpRequest.Builder b = tus(uploads(), token).header("Upload-Length", String.valueOf(length));
        if (metadata != null) {
            b.header("Upload-Metadata", metadata);
        }
        return send(b.POST(BodyPublishers.noBody()).build());
    }

    /** Creates an upload of a video file and returns its URL. */
    URI createVideo(String token, long length) {
        HttpResponse<String> r = create(token, length, meta("filename", "clip.mp4", "filetype", "video/mp4"));
        if (r.statusCode() != 201) {
            throw new IllegalStateException("create failed: " + r.statusCode() + " " + r.body());
        }
        return URI.create(r.headers().firstValue("Location").orElseThrow());
    }

    HttpResponse<String> patch(URI upload, String token, long offset, byte[] bytes) {
        return send(tus(upload, token).header("Upload-Offset", String.valueOf(offset))
                .header("Content-Type", OCTETS).method("PATCH", BodyPublishers.ofByteArray(bytes)).build());
    }

    HttpResponse<String> head(URI upload, String token) {
        return send(tus(upload, token).method("HEAD", BodyPublishers.noBody()).build());
    }

    HttpResponse<String> delete(URI upload, String token) {
        return send(tus(upload, token).DELETE().build());
    }

    HttpResponse<String> status(URI upload, String token) {
        return send(HttpRequest.newBuilder(upload).header("Authorization", "Bearer " + token).GET().build());
    }

    /** Polls the upload's status until it is stored; returns the blob key. */
    String awaitStored(URI upload, String token, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            last = status(upload, token).body();
            Matcher state = STATE.matcher(last);
            Matcher blob = BLOB.matcher(last);
            if (state.find() && state.group(1).equals("COMPLETED") && blob.find()) {
                return blob.group(1);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("upload not stored in time; last status: " + last);
    }

    HttpResponse<String> send(HttpRequest request) {
        return send(request, BodyHandlers.ofString());
    }

    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String offset(HttpResponse<?> r) {
        return r.headers().firstValue("Upload-Offset").orElse(null);
    }

    /** Encodes Upload-Metadata from key, value, key, value... */
    static String meta(String... kv) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            out.append(out.isEmpty() ? "" : ",").append(kv[i]).append(' ')
                    .append(Base64.getEncoder().encodeToString(kv[i + 1].getBytes(StandardCharsets.UTF_8)));
        }
        return out.toString();
    }

    static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest("SHA-256", bytes));
    }

    static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored blob's file under the data directory: storage names blob files by their key. */
    static Optional<Path> blobFile(Path dataDir, String key) throws IOException {
        try (Stream<Path> files = Files.walk(dataDir)) {
            return files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().startsWith(key))
                    .findFirst();
        }
    }
}
