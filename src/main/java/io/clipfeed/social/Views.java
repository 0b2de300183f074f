package io.clipfeed.social;

import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.clipfeed.analytics.PlaybackObserved;
import io.clipfeed.catalog.Video;
import io.clipfeed.platform.Db;
import io.clipfeed.social.Counters.VideoCount;

/**
 * Counts views from playback reports: a view counts when the viewer watched at least 2 s or half the clip (or
 * reached the end), and at most once per viewer (account, or anonymous playback session) per video per hour.
 * The per-viewer mark is claimed with a single conditional statement, so duplicate reports racing each other
 * (progress, then exit) count once.
 */
@Service
class Views {

    private final JdbcClient jdbc;
    private final Counters counters;
    private final SocialSettings settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    Views(JdbcClient jdbc, Counters counters, SocialSettings settings, ApplicationEventPublisher events,
            TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.counters = counters;
        this.settings = settings;
        this.events = events;
        this.tx = tx;
    }

    boolean qualifies(PlaybackObserved p, Video video) {
        Long duration = video.durationMs();
        return p.completed() || p.watchedMs() >= settings.viewMinWatchedMs()
                || (duration != null && duration > 0 && p.watchedMs() * 2 >= duration);
    }

    /** Counts the view if the viewer had none counted within the window; true when it counted. */
    boolean count(PlaybackObserved p) {
        Boolean counted = counters.withRows(() -> counters.ensureVideo(p.videoId()), () -> tx.execute(status -> {
            Instant at = p.at();
            if (!claim(p.videoId(), p.viewerKey(), at)) {
                return false;
            }
            jdbc.sql("insert into video_views (video_id, viewer_key, watched_ms, counted_at) values (:v, :k, :w, :t)")
                    .param("v", p.videoId()).param("k", p.viewerKey()).param("w", p.watchedMs())
                    .param("t", Db.ts(at)).update();
            events.publishEvent(new ViewCounted(p.videoId(), p.viewerId(), p.viewerKey(), p.watchedMs(), at));
            counters.add(p.videoId(), VideoCount.views, 1);
            return true;
        }));
        return Boolean.TRUE.equals(counted);
    }

    private boolean claim(String videoId, String viewerKey, Instant at) {
        int renewed = jdbc.sql("update video_view_marks set counted_at = :t where video_id = :v and viewer_key = :k "
                + "and counted_at <= :since").param("t", Db.ts(at)).param("v", videoId).param("k", viewerKey)
                .param("since", Db.ts(at.minus(settings.viewWindow()))).update();
        if (renewed == 1) {
            return true;
        }
        try {
            return jdbc.sql("insert into video_view_marks (video_id, viewer_key, counted_at) values (:v, :k, :t) "
                    + "on conflict do nothing").param("v", videoId).param("k", viewerKey).param("t", Db.ts(at))
                    .update() == 1;
        } catch (DuplicateKeyException concurrentReport) {
            // H2's way of saying a parallel report of the same play claimed it first
            return false;
        }
    }
}
