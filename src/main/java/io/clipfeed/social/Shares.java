package io.clipfeed.social;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.clipfeed.platform.Db;
import io.clipfeed.platform.Ids;
import io.clipfeed.social.Counters.VideoCount;

/** Shares: every share is a row (anonymous ones too), counted in the same transaction. */
@Service
class Shares {

    private final JdbcClient jdbc;
    private final Counters counters;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    Shares(JdbcClient jdbc, Counters counters, ApplicationEventPublisher events, TransactionTemplate tx,
            Clock clock) {
        this.jdbc = jdbc;
        this.counters = counters;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** Records the share; the video's share count afterwards. */
    long share(String videoId, String userId, String channel) {
        counters.withRows(() -> counters.ensureVideo(videoId), () -> tx.execute(status -> {
            Instant now = clock.instant();
            jdbc.sql("insert into video_shares (id, video_id, user_id, channel, created_at) "
                    + "values (:id, :v, :u, :c, :t)")
                    .param("id", Ids.newId()).param("v", videoId).param("u", userId).param("c", channel)
                    .param("t", Db.ts(now)).update();
            events.publishEvent(new VideoShared(videoId, userId, now));
            counters.add(videoId, VideoCount.shares, 1);
            return null;
        }));
        return counters.of(videoId).shares();
    }
}
