package io.clipfeed.upload;

import static io.clipfeed.upload.TusHttp.offset;
import static io.clipfeed.upload.TusHttp.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.clipfeed.IntegrationTestBase;

/** Uploads belong to their creator: others cannot see, patch, finish or delete them; anonymous callers get 401. */
class UploadOwnershipIT extends IntegrationTestBase {

    TusHttp tus;
    String owner;
    String stranger;

    @BeforeEach
    void setUp() {
        tus = new TusHttp(port);
        owner = tus.newUser();
        stranger = tus.newUser();
    }

    @Test
    void anotherUserGets404ForEveryOperation() {
        URI upload = tus.createVideo(owner, 100);
        tus.patch(upload, owner, 0, randomBytes(10));
        assertThat(tus.head(upload, stranger).statusCode()).isEqualTo(404);
        assertThat(tus.patch(upload, stranger, 10, randomBytes(10)).statusCode()).isEqualTo(404);
        assertThat(tus.delete(upload, stranger).statusCode()).isEqualTo(404);
        assertThat(tus.status(upload, stranger).statusCode()).isEqualTo(404);
        assertThat(offset(tus.head(upload, owner))).isEqualTo("10");
    }

    @Test
    void anotherUsersPartialsCannotBeJoined() {
        var r = tus.send(tus.tus(tus.uploads(), owner).header("Upload-Concat", "partial")
                .header("Upload-Length", "10").POST(BodyPublishers.noBody()).build());
        URI partial = URI.create(r.headers().firstValue("Location").orElseThrow());
        tus.patch(partial, owner, 0, randomBytes(10));
        var fin = tus.send(tus.tus(tus.uploads(), stranger).header("Upload-Concat", "final;" + partial)
                .header("Upload-Metadata", TusHttp.meta("filename", "stolen.mp4")).POST(BodyPublishers.noBody())
                .build());
        assertThat(fin.statusCode()).isEqualTo(400);
        assertThat(tus.head(partial, owner).statusCode()).isEqualTo(200);
    }

    @Test
    void anonymousCallersGet401() {
        URI upload = tus.createVideo(owner, 100);
        assertThat(tus.create(null, 100, TusHttp.meta("filename", "a.mp4")).statusCode()).isEqualTo(401);
        assertThat(tus.head(upload, null).statusCode()).isEqualTo(401);
        assertThat(tus.patch(upload, null, 0, randomBytes(10)).statusCode()).isEqualTo(401);
        assertThat(tus.delete(upload, null).statusCode()).isEqualTo(401);
        assertThat(tus.send(tus.tus(upload, "not-a-real-token").method("HEAD", BodyPublishers.noBody()).build())
                .statusCode()).isEqualTo(401);
    }
}
