package io.clipfeed.social;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.clipfeed.catalog.Video;
import io.clipfeed.platform.Db;
import io.clipfeed.social.Counters.UserCount;
import io.clipfeed.social.Counters.VideoCount;

/**
 * Likes. A like row's primary key (video, user) makes a repeated like a no-op, and the counters move only when
 * the insert or delete really changed a row, in the same transaction: 200 concurrent likes count exactly 200.
 */
@Service
class Likes {

    private final JdbcClient jdbc;
    private final Counters counters;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    Likes(JdbcClient jdbc, Counters counters, Notifications notifications, ApplicationEventPublisher events,
            TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.counters = counters;
        this.notifications = notifications;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** Likes the video (once); the video's like count afterwards. */
    long like(Video video, String userId) {
        counters.withRows(() -> ensureRows(video), () -> tx.execute(status -> {
            Instant now = clock.instant();
            if (insert(video, userId, now)) {
                notifications.sendOnce(video.creatorId(), Notifications.Type.liked, userId, video.id());
                events.publishEvent(new VideoLiked(video.id(), userId, video.creatorId(), now));
                count(video, 1);
            }
            return null;
        }));
        return counters.of(video.id()).likes();
    }

    /** Takes the like back (if there was one); the video's like count afterwards. */
    long unlike(Video video, String userId) {
        counters.withRows(() -> ensureRows(video), () -> tx.execute(status -> {
            int removed = jdbc.sql("delete from video_likes where video_id = :v and user_id = :u")
                    .param("v", video.id()).param("u", userId).update();
            if (removed == 1) {
                events.publishEvent(new VideoUnliked(video.id(), userId, clock.instant()));
                count(video, -1);
            }
            return null;
        }));
        return counters.of(video.id()).likes();
    }

    /** Last in the transaction: the video's counter row is the hot one (every liker of the video waits for it). */
    private void count(Video video, int delta) {
        counters.add(video.creatorId(), UserCount.likes_received, delta);
        counters.add(video.id(), VideoCount.likes, delta);
    }

    private void ensureRows(Video video) {
        counters.ensureVideo(video.id());
        counters.ensureUser(video.creatorId());
    }

    private boolean insert(Video video, String userId, Instant now) {
        try {
            return jdbc.sql("insert into video_likes (video_id, user_id, creator_id, created_at) "
                    + "values (:v, :u, :c, :t) on conflict do nothing")
                    .param("v", video.id()).param("u", userId).param("c", video.creatorId()).param("t", Db.ts(now))
                    .update() == 1;
        } catch (DuplicateKeyException concurrentSameLike) {
            // H2 may report a concurrent identical like this way; PostgreSQL waits and does nothing
            return false;
        }
    }

    boolean has(String videoId, String userId) {
        return jdbc.sql("select count(*) from video_likes where video_id = :v and user_id = :u")
                .param("v", videoId).param("u", userId).query(Long.class).single() > 0;
    }

    /** Videos the user liked, newest like first: keyset positions whose id is the video id. */
    List<Keyset> likedBy(String userId, Keyset after, int limit) {
        String where = after == null ? "" : " and created_at <= :at and (created_at < :at or video_id < :id)";
        var sql = jdbc.sql("select video_id, created_at from video_likes where user_id = :u" + where
                + " order by created_at desc, video_id desc limit :n").param("u", userId).param("n", limit);
        if (after != null) {
            sql = sql.param("at", Db.ts(after.at())).param("id", after.id());
        }
        return sql.query((rs, n) -> Keyset.of(Db.instant(rs, "created_at"), rs.getString("video_id"))).list();
    }
}
