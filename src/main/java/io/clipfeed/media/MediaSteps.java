package io.clipfeed.media;

import java.time.Clock;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.clipfeed.platform.Db;

/** Which media steps of a video are finished or cancelled ({@code media_steps}). */
@Repository
class MediaSteps {

    static final String CANCELLED = "cancelled";
    private static final String ALL_STEPS = "*";

    private final JdbcClient jdbc;
    private final Clock clock;

    MediaSteps(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    boolean isFinished(String videoId, String step) {
        return jdbc.sql("select count(*) from media_steps where video_id = ? and (step = ? or step = ?)")
                .params(videoId, step, ALL_STEPS).query(Long.class).single() > 0;
    }

    boolean isCancelled(String videoId) {
        return jdbc.sql("select count(*) from media_steps where video_id = ? and step = ?")
                .params(videoId, ALL_STEPS).query(Long.class).single() > 0;
    }

    /** Records the outcome ({@code done}, {@code failed}) of a step; a second record of the same step is ignored. */
    void finish(String videoId, String step, String state, String detail) {
        try {
            jdbc.sql("insert into media_steps (video_id, step, state, detail, updated_at) values (?, ?, ?, ?, ?)")
                    .params(videoId, step, state, truncate(detail), Db.ts(clock.instant())).update();
        } catch (DuplicateKeyException alreadyRecorded) {
            // the step finished before (a re-run after a crash between finishing and acknowledging)
        }
    }

    void cancel(String videoId) {
        finish(videoId, ALL_STEPS, CANCELLED, "video removed");
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
    }
}
