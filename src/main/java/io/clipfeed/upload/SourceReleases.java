package io.clipfeed.upload;

import java.time.Clock;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.clipfeed.catalog.VideoRemoved;
import io.clipfeed.platform.Db;
import io.clipfeed.storage.BlobKey;
import io.clipfeed.storage.BlobStore;

/**
 * Upload took the reference on a video's source blob, so it gives it back when the video is removed. The release is
 * recorded first (same transaction): a redelivered event finds the record and does not release twice.
 */
@Component
class SourceReleases {

    private final JdbcClient jdbc;
    private final BlobStore blobs;
    private final Clock clock;

    SourceReleases(JdbcClient jdbc, BlobStore blobs, Clock clock) {
        this.jdbc = jdbc;
        this.blobs = blobs;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(VideoRemoved removed) {
        String key = removed.sourceBlobKey();
        if (key == null || !BlobKey.isValid(key)) {
            return;
        }
        try {
            jdbc.sql("insert into upload_source_releases (video_id, blob_key, released_at) values (?, ?, ?)")
                    .params(removed.videoId(), key, Db.ts(clock.instant())).update();
        } catch (DuplicateKeyException alreadyReleased) {
            return;
        }
        blobs.release(new BlobKey(key));
    }
}
