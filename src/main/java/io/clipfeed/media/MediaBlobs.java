package io.clipfeed.media;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.clipfeed.platform.Db;
import io.clipfeed.storage.BlobKey;
import io.clipfeed.storage.BlobStore;

/**
 * Stores media's outputs and remembers them per video ({@code media_assets}) so that media holds exactly one
 * reference to each blob of a video however often a step runs, and can release them all when the video goes.
 */
@Component
class MediaBlobs {

    private static final Logger log = LoggerFactory.getLogger(MediaBlobs.class);

    private final BlobStore blobs;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final MediaSteps steps;

    MediaBlobs(BlobStore blobs, JdbcClient jdbc, Clock clock, MediaSteps steps) {
        this.blobs = blobs;
        this.jdbc = jdbc;
        this.clock = clock;
        this.steps = steps;
    }

    /** An {@link AssetSink} that keeps what it stores for {@code videoId}. */
    AssetSink sinkFor(String videoId) {
        return (file, contentType) -> keep(videoId, file, contentType);
    }

    Path localCopy(String blobKey) throws IOException {
        return blobs.localCopy(new BlobKey(blobKey));
    }

    private String keep(String videoId, Path file, String contentType) throws IOException {
        BlobKey key = blobs.put(file, contentType).key();
        try {
            jdbc.sql("insert into media_assets (video_id, blob_key, created_at) values (?, ?, ?)")
                    .params(videoId, key.sha256(), Db.ts(clock.instant())).update();
        } catch (DuplicateKeyException alreadyKept) {
            // identical output from an earlier run: the put above added a second reference; drop it
            blobs.release(key);
        }
        if (steps.isCancelled(videoId)) {
            // removed while this step ran: removal may already have released the others, so release this too
            releaseAll(videoId);
            throw new java.util.concurrent.CancellationException("video removed");
        }
        return key.sha256();
    }

    /** Releases every blob media kept for the video (on removal). */
    void releaseAll(String videoId) {
        List<String> keys = jdbc.sql("select blob_key from media_assets where video_id = ?").param(videoId)
                .query(String.class).list();
        for (String key : keys) {
            try {
                blobs.release(new BlobKey(key));
            } catch (RuntimeException e) {
                log.warn("could not release blob {} of video {}: {}", key, videoId, e.toString());
                continue;
            }
            jdbc.sql("delete from media_assets where video_id = ? and blob_key = ?").params(videoId, key).update();
        }
    }
}
