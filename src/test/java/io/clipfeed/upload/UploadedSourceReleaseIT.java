package io.clipfeed.upload;

import static io.clipfeed.upload.TusHttp.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import io.clipfeed.IntegrationTestBase;
import io.clipfeed.catalog.VideoRemoved;
import io.clipfeed.storage.BlobKey;

/**
 * Identical uploads are stored once, and when the catalog announces a video's removal ({@link VideoRemoved}) upload
 * gives back exactly the reference it took, even if the announcement arrives twice: the bytes stay while another
 * video still uses them and go with the last one.
 */
class UploadedSourceReleaseIT extends IntegrationTestBase {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void duplicateUploadsShareOneBlobThatGoesWithTheLastVideo() throws Exception {
        TusHttp tus = new TusHttp(port);
        String token = tus.newUser();
        byte[] file = randomBytes(200_000);
        String first = uploadWhole(tus, token, file);
        String second = uploadWhole(tus, token, file);
        BlobKey key = new BlobKey(TusHttp.sha256Hex(file));
        assertThat(catalog.find(first).orElseThrow().sourceBlobKey()).isEqualTo(key.sha256());
        assertThat(catalog.find(second).orElseThrow().sourceBlobKey()).isEqualTo(key.sha256());

        announceRemoval(first, key);
        announceRemoval(first, key); // delivered twice (e.g. republished after a restart): released once
        Thread.sleep(1500);
        assertThat(blobs.find(key)).as("still used by the second video").isPresent();

        announceRemoval(second, key);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (blobs.find(key).isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(blobs.find(key)).as("released with the last video").isEmpty();
    }

    /** What the catalog publishes when a video is deleted or taken down. */
    private void announceRemoval(String videoId, BlobKey source) {
        transactions.executeWithoutResult(status -> events.publishEvent(
                new VideoRemoved(videoId, source.sha256(), List.of())));
    }

    private String uploadWhole(TusHttp tus, String token, byte[] file) throws InterruptedException {
        URI upload = tus.createVideo(token, file.length);
        assertThat(tus.patch(upload, token, 0, file).statusCode()).isEqualTo(204);
        tus.awaitStored(upload, token, Duration.ofSeconds(30));
        return tus.head(upload, token).headers().firstValue("Clipfeed-Video-Id").orElseThrow();
    }
}
