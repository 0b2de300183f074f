package io.clipfeed.analytics;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.clipfeed.platform.Db;

/** Stored playback beacons: one row per event. */
@Repository
class Beacons {

    private final JdbcClient jdbc;

    Beacons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    void store(BeaconBatch batch, String viewerId, Instant receivedAt) {
        for (BeaconEvent event : batch.events()) {
            jdbc.sql("""
                    insert into playback_beacons
                        (session_id, video_id, viewer_id, event_type, event_t, detail, received_at)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(batch.sessionId(), batch.videoId(), viewerId, event.type(), event.t(), event.detail(),
                            Db.ts(receivedAt))
                    .update();
        }
    }
}
