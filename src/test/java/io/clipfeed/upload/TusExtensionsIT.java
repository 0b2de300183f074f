package io.clipfeed.upload;

import static io.clipfeed.upload.TusHttp.OCTETS;
import static io.clipfeed.upload.TusHttp.meta;
import static io.clipfeed.upload.TusHttp.offset;
import static io.clipfeed.upload.TusHttp.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.clipfeed.catalog.VideoStatus;
import io.clipfeed.platform.Db;
import io.clipfeed.storage.BlobKey;

/** The tus extensions: creation-with-upload, defer-length, termination, expiration, concatenation. */
class TusExtensionsIT extends TusITBase {

    @Autowired
    ExpiredUploads expiredUploads;

    @Test
    void creationWithUploadStoresTheFirstChunk() {
        HttpResponse<String> r = tus.send(tus.tus(tus.uploads(), token).header("Upload-Length", "5000")
                .header("Upload-Metadata", meta("filename", "clip.webm")).header("Content-Type", OCTETS)
                .POST(BodyPublishers.ofByteArray(randomBytes(2000))).build());
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(offset(r)).isEqualTo("2000");
        URI upload = URI.create(r.headers().firstValue("Location").orElseThrow());
        assertThat(offset(tus.head(upload, token))).isEqualTo("2000");
    }

    @Test
    void deferredLengthIsDeclaredByALaterPatch() throws Exception {
        byte[] file = randomBytes(3000);
        HttpResponse<String> r = tus.send(tus.tus(tus.uploads(), token).header("Upload-Defer-Length", "1")
                .header("Upload-Metadata", meta("filetype", "video/quicktime")).POST(BodyPublishers.noBody()).build());
        assertThat(r.statusCode()).isEqualTo(201);
        URI upload = URI.create(r.headers().firstValue("Location").orElseThrow());
        assertThat(tus.head(upload, token).headers().firstValue("Upload-Defer-Length")).hasValue("1");
        assertThat(tus.patch(upload, token, 0, java.util.Arrays.copyOf(file, 1000)).statusCode()).isEqualTo(204);
        HttpResponse<String> last = tus.send(tus.tus(upload, token).header("Upload-Offset", "1000")
                .header("Upload-Length", "3000").header("Content-Type", OCTETS)
                .method("PATCH", BodyPublishers.ofByteArray(java.util.Arrays.copyOfRange(file, 1000, 3000))).build());
        assertThat(last.statusCode()).isEqualTo(204);
        assertThat(tus.head(upload, token).headers().firstValue("Upload-Length")).hasValue("3000");
        assertThat(tus.awaitStored(upload, token, Duration.ofSeconds(30))).isEqualTo(TusHttp.sha256Hex(file));
    }

    @Test
    void terminationRemovesTheUploadAndWithdrawsItsVideo() {
        HttpResponse<String> created = tus.create(token, 1000, meta("filename", "x.mp4"));
        URI upload = URI.create(created.headers().firstValue("Location").orElseThrow());
        String videoId = created.headers().firstValue("Clipfeed-Video-Id").orElseThrow();
        tus.patch(upload, token, 0, randomBytes(100));
        assertThat(tus.delete(upload, token).statusCode()).isEqualTo(204);
        assertThat(tus.head(upload, token).statusCode()).isEqualTo(404);
        assertThat(tus.patch(upload, token, 100, randomBytes(10)).statusCode()).isEqualTo(404);
        assertThat(Files.exists(partFile(upload))).isFalse();
        assertThat(catalog.find(videoId).map(v -> v.status())).hasValue(VideoStatus.DELETED);
    }

    @Test
    void expiredUploadsAnswer410AndAreSweptAway() {
        HttpResponse<String> created = tus.create(token, 1000, meta("filename", "x.mp4"));
        URI upload = URI.create(created.headers().firstValue("Location").orElseThrow());
        String videoId = created.headers().firstValue("Clipfeed-Video-Id").orElseThrow();
        tus.patch(upload, token, 0, randomBytes(100));
        jdbc.sql("update upload_sessions set expires_at = ? where id = ?")
                .params(Db.ts(Instant.now().minusSeconds(60)), id(upload)).update();
        assertThat(tus.head(upload, token).statusCode()).isEqualTo(410);
        assertThat(tus.patch(upload, token, 100, randomBytes(10)).statusCode()).isEqualTo(410);

        assertThat(expiredUploads.sweep()).isGreaterThanOrEqualTo(1);
        assertThat(Files.exists(partFile(upload))).isFalse();
        assertThat(tus.head(upload, token).statusCode()).isEqualTo(410);
        assertThat(catalog.find(videoId).map(v -> v.status())).hasValue(VideoStatus.FAILED);
    }

    @Test
    void concatenatesThreePartialsIntoTheFinalUpload() throws Exception {
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        List<String> partials = new ArrayList<>();
        for (int size : new int[] {300_000, 1, 123_457}) {
            byte[] part = randomBytes(size);
            whole.write(part);
            HttpResponse<String> r = tus.send(tus.tus(tus.uploads(), token).header("Upload-Concat", "partial")
                    .header("Upload-Length", String.valueOf(size)).POST(BodyPublishers.noBody()).build());
            assertThat(r.statusCode()).isEqualTo(201);
            assertThat(r.headers().firstValue("Clipfeed-Video-Id")).isEmpty();
            URI partial = URI.create(r.headers().firstValue("Location").orElseThrow());
            assertThat(tus.patch(partial, token, 0, part).statusCode()).isEqualTo(204);
            assertThat(tus.head(partial, token).headers().firstValue("Upload-Concat")).hasValue("partial");
            partials.add(partial.toString());
        }
        HttpResponse<String> fin = tus.send(tus.tus(tus.uploads(), token)
                .header("Upload-Concat", "final;" + String.join(" ", partials))
                .header("Upload-Metadata", meta("filename", "joined.mp4", "title", "Joined"))
                .POST(BodyPublishers.noBody()).build());
        assertThat(fin.statusCode()).isEqualTo(201);
        String videoId = fin.headers().firstValue("Clipfeed-Video-Id").orElseThrow();
        URI upload = URI.create(fin.headers().firstValue("Location").orElseThrow());
        assertThat(tus.patch(upload, token, whole.size(), randomBytes(1)).statusCode()).isEqualTo(403);

        String key = tus.awaitStored(upload, token, Duration.ofSeconds(30));
        assertThat(key).isEqualTo(TusHttp.sha256Hex(whole.toByteArray()));
        try (InputStream in = blobs.open(new BlobKey(key))) {
            assertThat(in.readAllBytes()).isEqualTo(whole.toByteArray());
        }
        assertThat(catalog.find(videoId).orElseThrow().title()).isEqualTo("Joined");
        HttpResponse<String> head = tus.head(upload, token);
        assertThat(head.headers().firstValue("Upload-Concat").orElseThrow()).startsWith("final;");
        assertThat(head.headers().firstValue("Upload-Length")).hasValue(String.valueOf(whole.size()));
        for (String p : partials) {
            assertThat(Files.exists(partFile(URI.create(p)))).isFalse();
        }
    }

    @Test
    void finalUploadRefusesIncompletePartials() {
        HttpResponse<String> r = tus.send(tus.tus(tus.uploads(), token).header("Upload-Concat", "partial")
                .header("Upload-Length", "100").POST(BodyPublishers.noBody()).build());
        String partial = r.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> fin = tus.send(tus.tus(tus.uploads(), token).header("Upload-Concat", "final;" + partial)
                .header("Upload-Metadata", meta("filename", "j.mp4")).POST(BodyPublishers.noBody()).build());
        assertThat(fin.statusCode()).isEqualTo(400);
    }

    private static String id(URI upload) {
        String path = upload.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static java.nio.file.Path partFile(URI upload) {
        return DATA_DIR.resolve("uploads").resolve(id(upload) + ".part");
    }
}
