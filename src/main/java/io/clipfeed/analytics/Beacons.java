package io.clipfeed.analytics;

import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.clipfeed.platform.Db;

/**
 * Stored playback beacons: one row per event. Events that say how much was watched are also published as
 * {@link PlaybackObserved}, in the same transaction, so the event publication registry hands them on even if the
 * process dies right after the beacon is accepted.
 */
@Repository
class Beacons {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Beacons(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
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
            event.observation(batch, viewerId, receivedAt).ifPresent(events::publishEvent);
        }
    }
}
