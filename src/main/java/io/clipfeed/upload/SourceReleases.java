package io.clipfeed.upload;

import java.time.Clock;

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
        // insert-if-absent rather than catching a duplicate key (a failed statement dooms a PostgreSQL transaction);
        // two deliveries racing are settled by the primary key: the loser fails and its retry finds the record
        int recorded = jdbc.sql("""
                insert into upload_source_releases (video_id, blob_key, released_at)
                select cast(? as varchar(40)), cast(? as varchar(64)), cast(? as timestamp with time zone)
                where not exists (select 1 from upload_source_releases where video_id = ?)""")
                .params(removed.videoId(), key, Db.ts(clock.instant()), removed.videoId()).update();
        if (recorded == 1) {
            blobs.release(new BlobKey(key));
        }
    }
}
