package io.clipfeed.upload;

import static io.clipfeed.upload.TusHttp.OCTETS;
import static io.clipfeed.upload.TusHttp.meta;
import static io.clipfeed.upload.TusHttp.offset;
import static io.clipfeed.upload.TusHttp.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoStatus;
import io.clipfeed.storage.BlobKey;

/** tus core protocol against the running application: creation, PATCH, HEAD, offsets, versions, checksums. */
class TusCoreIT extends TusITBase {

    @Test
    void optionsAdvertisesVersionExtensionsAndLimits() {
        HttpResponse<String> r = tus.send(java.net.http.HttpRequest.newBuilder(tus.uploads())
                .method("OPTIONS", BodyPublishers.noBody()).build());
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.headers().firstValue("Tus-Version")).hasValue("1.0.0");
        assertThat(r.headers().firstValue("Tus-Resumable")).hasValue("1.0.0");
        assertThat(r.headers().firstValue("Tus-Extension").orElseThrow().split(",")).contains("creation",
                "creation-with-upload", "creation-defer-length", "expiration", "checksum", "termination",
                "concatenation");
        assertThat(Long.parseLong(r.headers().firstValue("Tus-Max-Size").orElseThrow())).isPositive();
        assertThat(r.headers().firstValue("Tus-Checksum-Algorithm")).hasValue("sha1,sha256");
    }

    @Test
    void creationMakesTheVideoWithTitleAndDescriptionFromMetadata() {
        HttpResponse<String> r = tus.create(token, 1000, meta("filename", "beach.mp4", "filetype", "video/mp4",
                "title", "Sunset at the beach", "description", "Waves #sea #summer"));
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.headers().firstValue("Location").orElseThrow()).matches("http://.*/api/v1/uploads/[0-9a-zA-Z]{20}");
        assertThat(r.headers().firstValue("Upload-Expires")).isPresent();
        assertThat(r.headers().firstValue("Tus-Resumable")).hasValue("1.0.0");
        Video video = catalog.find(r.headers().firstValue("Clipfeed-Video-Id").orElseThrow()).orElseThrow();
        assertThat(video.title()).isEqualTo("Sunset at the beach");
        assertThat(video.description()).isEqualTo("Waves #sea #summer");
        assertThat(video.status()).isEqualTo(VideoStatus.UPLOADING);
    }

    @Test
    void headReportsOffsetLengthAndMetadata() {
        String metadata = meta("filename", "a.mp4", "filetype", "video/mp4");
        URI upload = URI.create(tus.create(token, 300, metadata).headers().firstValue("Location").orElseThrow());
        assertThat(tus.patch(upload, token, 0, randomBytes(120)).statusCode()).isEqualTo(204);
        HttpResponse<String> head = tus.head(upload, token);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(offset(head)).isEqualTo("120");
        assertThat(head.headers().firstValue("Upload-Length")).hasValue("300");
        assertThat(head.headers().firstValue("Upload-Metadata")).hasValue(metadata);
        assertThat(head.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
    }

    @Test
    void chunksCompleteTheUploadAndTheStoredBytesMatch() throws Exception {
        byte[] file = randomBytes(700_000);
        URI upload = tus.createVideo(token, file.length);
        assertThat(offset(tus.patch(upload, token, 0, Arrays.copyOfRange(file, 0, 400_000)))).isEqualTo("400000");
        HttpResponse<String> last = tus.patch(upload, token, 400_000, Arrays.copyOfRange(file, 400_000, file.length));
        assertThat(last.statusCode()).isEqualTo(204);
        assertThat(offset(last)).isEqualTo("700000");

        String key = tus.awaitStored(upload, token, Duration.ofSeconds(30));
        assertThat(key).isEqualTo(TusHttp.sha256Hex(file));
        try (InputStream in = blobs.open(new BlobKey(key))) {
            assertThat(in.readAllBytes()).isEqualTo(file);
        }
        String videoId = tus.head(upload, token).headers().firstValue("Clipfeed-Video-Id").orElseThrow();
        Video video = catalog.find(videoId).orElseThrow();
        assertThat(video.status()).isNotEqualTo(VideoStatus.UPLOADING);
        assertThat(video.sourceBlobKey()).isEqualTo(key);
        assertThat(TusHttp.blobFile(DATA_DIR.resolve("uploads"), upload.getPath().substring(16))).isEmpty();
    }

    @Test
    void rejectsPatchAtWrongOffset() {
        URI upload = tus.createVideo(token, 100);
        assertThat(tus.patch(upload, token, 10, randomBytes(10)).statusCode()).isEqualTo(409);
        tus.patch(upload, token, 0, randomBytes(40));
        assertThat(tus.patch(upload, token, 0, randomBytes(10)).statusCode()).isEqualTo(409);
        assertThat(offset(tus.head(upload, token))).isEqualTo("40");
    }

    @Test
    void rejectsOtherOrMissingTusVersionWith412() {
        HttpResponse<String> other = tus.send(java.net.http.HttpRequest.newBuilder(tus.uploads())
                .header("Tus-Resumable", "0.2.2").header("Authorization", "Bearer " + token)
                .header("Upload-Length", "10").POST(BodyPublishers.noBody()).build());
        assertThat(other.statusCode()).isEqualTo(412);
        assertThat(other.headers().firstValue("Tus-Version")).hasValue("1.0.0");
        URI upload = tus.createVideo(token, 100);
        HttpResponse<String> missing = tus.send(java.net.http.HttpRequest.newBuilder(upload)
                .header("Authorization", "Bearer " + token).method("HEAD", BodyPublishers.noBody()).build());
        assertThat(missing.statusCode()).isEqualTo(412);
    }

    @Test
    void rejectsPatchThatIsNotAnOffsetOctetStreamWith415() {
        URI upload = tus.createVideo(token, 100);
        HttpResponse<String> r = tus.send(tus.tus(upload, token).header("Upload-Offset", "0")
                .header("Content-Type", "application/octet-stream")
                .method("PATCH", BodyPublishers.ofByteArray(randomBytes(10))).build());
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
    }

    @Test
    void acceptsChunksWithMatchingSha1AndSha256() {
        byte[] a = randomBytes(5000);
        byte[] b = randomBytes(5000);
        URI upload = tus.createVideo(token, 10_000);
        assertThat(checksummed(upload, 0, a, "sha1", TusHttp.digest("SHA-1", a)).statusCode()).isEqualTo(204);
        assertThat(checksummed(upload, 5000, b, "sha256", TusHttp.digest("SHA-256", b)).statusCode()).isEqualTo(204);
        assertThat(offset(tus.head(upload, token))).isEqualTo("10000");
    }

    @Test
    void discardsChunkWithMismatchingChecksumWith460() {
        byte[] a = randomBytes(5000);
        URI upload = tus.createVideo(token, 10_000);
        HttpResponse<String> bad = checksummed(upload, 0, a, "sha256", TusHttp.digest("SHA-256", randomBytes(9)));
        assertThat(bad.statusCode()).isEqualTo(460);
        assertThat(offset(tus.head(upload, token))).isEqualTo("0");
        assertThat(checksummed(upload, 0, a, "sha256", TusHttp.digest("SHA-256", a)).statusCode()).isEqualTo(204);
        assertThat(offset(tus.head(upload, token))).isEqualTo("5000");
    }

    @Test
    void patchThroughMethodOverrideHeader() {
        URI upload = tus.createVideo(token, 100);
        HttpResponse<String> r = tus.send(tus.tus(upload, token).header("X-HTTP-Method-Override", "PATCH")
                .header("Upload-Offset", "0").header("Content-Type", OCTETS)
                .POST(BodyPublishers.ofByteArray(randomBytes(30))).build());
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(offset(r)).isEqualTo("30");
    }

    private HttpResponse<String> checksummed(URI upload, long offset, byte[] bytes, String alg, byte[] digest) {
        return tus.send(tus.tus(upload, token).header("Upload-Offset", String.valueOf(offset))
                .header("Content-Type", OCTETS)
                .header("Upload-Checksum", alg + " " + Base64.getEncoder().encodeToString(digest))
                .method("PATCH", BodyPublishers.ofByteArray(bytes)).build());
    }
}
