package io.clipfeed.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.clipfeed.ServerProcess;
import io.tus.java.client.TusClient;
import io.tus.java.client.TusURLMemoryStore;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusUploader;

/**
 * The durability promise end to end: the packaged application runs as its own process, tus-java-client uploads
 * 50 MB in 1 MB chunks, the server is killed with SIGKILL mid-way and started again on the same data, and the
 * client resumes from the server's offset. Every acknowledged byte must have survived, and the stored blob must
 * equal the source.
 */
class TusResumeAfterKillIT {

    private static final int MB = 1024 * 1024;
    private static final long SIZE = 50L * MB;

    @TempDir
    Path work;
    private Process app;
    private final int port = ServerProcess.freePort();

    @AfterEach
    void stopApp() throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.destroy();
            app.waitFor();
        }
    }

    @Test
    void uploadSurvivesSigkillAndResumesToIdenticalBytes() throws Exception {
        Path dataDir = Files.createDirectories(work.resolve("data"));
        Path source = randomFile(work.resolve("source.mp4"));
        app = ServerProcess.start(port, dataDir, work.resolve("app-1.log"));
        TusHttp http = new TusHttp(port);
        String token = http.newUser();

        TusClient client = new TusClient();
        client.setUploadCreationURL(new URL(http.base + "/api/v1/uploads"));
        client.enableResuming(new TusURLMemoryStore());
        client.setHeaders(Map.of("Authorization", "Bearer " + token));
        TusUpload upload = new TusUpload(source.toFile());
        upload.setMetadata(Map.of("filename", "source.mp4", "filetype", "video/mp4", "title", "Survives kill -9"));
        TusUploader uploader = oneMegabyteChunks(client.resumeOrCreateUpload(upload));
        URL uploadUrl = uploader.getUploadURL();

        long acknowledged = uploadUntilKilled(uploader);
        assertThat(acknowledged).isBetween(20L * MB, SIZE - MB);
        app.waitFor();

        app = ServerProcess.start(port, dataDir, work.resolve("app-2.log"));
        TusUploader resumed = oneMegabyteChunks(client.resumeOrCreateUpload(upload));
        assertThat(resumed.getUploadURL()).isEqualTo(uploadUrl);
        assertThat(resumed.getOffset()).as("server offset after restart").isGreaterThanOrEqualTo(acknowledged)
                .isLessThan(SIZE);
        while (resumed.uploadChunk() > -1) {
            // keep sending
        }
        resumed.finish();

        String key = http.awaitStored(uploadUrl.toURI(), token, Duration.ofSeconds(120));
        String sourceHash = sha256(source);
        assertThat(key).isEqualTo(sourceHash);
        Path blob = TusHttp.blobFile(dataDir, key).orElseThrow(() -> new AssertionError("no blob file " + key
                + " among " + listing(dataDir)));
        assertThat(sha256(blob)).isEqualTo(sourceHash);
        assertThat(partFiles(dataDir)).isEmpty();
    }

    /** Sends chunks; once 20 MB are acknowledged, SIGKILLs the server while the next chunk is in flight. */
    private long uploadUntilKilled(TusUploader uploader) {
        long[] acknowledged = {0};
        assertThatThrownBy(() -> {
            boolean killing = false;
            while (uploader.uploadChunk() > -1) {
                acknowledged[0] = uploader.getOffset();
                if (!killing && acknowledged[0] >= 20L * MB) {
                    killing = true;
                    CompletableFuture.runAsync(this::killAfterAMoment);
                }
            }
        }).as("the upload is cut off by the kill").isInstanceOfAny(IOException.class,
                io.tus.java.client.ProtocolException.class);
        return acknowledged[0];
    }

    private void killAfterAMoment() {
        try {
            Thread.sleep(15);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        app.destroyForcibly();
    }

    private static TusUploader oneMegabyteChunks(TusUploader uploader) {
        uploader.setChunkSize(MB);
        uploader.setRequestPayloadSize(MB);
        return uploader;
    }

    private static Path randomFile(Path file) throws IOException {
        Random random = new Random(42);
        byte[] block = new byte[MB];
        try (var out = Files.newOutputStream(file)) {
            for (int i = 0; i < SIZE / MB; i++) {
                random.nextBytes(block);
                out.write(block);
            }
        }
        return file;
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static java.util.List<Path> partFiles(Path dataDir) throws IOException {
        try (Stream<Path> files = Files.list(dataDir.resolve("uploads"))) {
            return files.filter(p -> p.toString().endsWith(".part")).toList();
        }
    }

    private static java.util.List<String> listing(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(p -> dir.relativize(p).toString()).toList();
        } catch (IOException e) {
            return java.util.List.of(e.toString());
        }
    }
}
