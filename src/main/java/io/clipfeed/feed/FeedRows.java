package io.clipfeed.feed;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Repository;

import io.clipfeed.platform.Db;

/** The feed's tables: listed videos, the interaction log, follows and blocks. */
@Repository
class FeedRows {

    /** Rows fetched per round trip when streaming the interaction log. */
    static final int FETCH_SIZE = 10_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;

    FeedRows(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    void list(Listing l) {
        unlist(l.videoId());
        jdbc.sql("insert into feed_videos (video_id, creator_id, hashtags, published_at) values (:v, :c, :h, :at)")
                .param("v", l.videoId()).param("c", l.creatorId()).param("h", String.join(" ", l.hashtags()))
                .param("at", Db.ts(l.publishedAt())).update();
    }

    void unlist(String videoId) {
        jdbc.sql("delete from feed_videos where video_id = :v").param("v", videoId).update();
    }

    void forEachListing(Consumer<Listing> sink) {
        jdbc.sql("select * from feed_videos").query(rs -> {
            String tags = rs.getString("hashtags");
            sink.accept(new Listing(rs.getString("video_id"), rs.getString("creator_id"),
                    tags.isBlank() ? List.of() : Arrays.asList(tags.split(" ")), Db.instant(rs, "published_at")));
        });
    }

    void record(Interaction i) {
        jdbc.sql("insert into feed_interactions (viewer_key, video_id, kind, at) values (:k, :v, :s, :at)")
                .param("k", i.viewerKey()).param("v", i.videoId()).param("s", i.signal().name())
                .param("at", Db.ts(i.at())).update();
    }

    /**
     * The interaction log in order, streamed: in a read-only transaction with a fetch size, so PostgreSQL's driver
     * reads it through a cursor instead of holding a million rows in memory. Returns the number of rows.
     */
    long forEachInteraction(Consumer<Interaction> sink) {
        Long count = readOnly.execute(status -> {
            long[] rows = {0};
            streaming.query("select viewer_key, video_id, kind, at from feed_interactions order by id", rs -> {
                OffsetDateTime at = rs.getObject(4, OffsetDateTime.class);
                sink.accept(new Interaction(rs.getString(1), rs.getString(2), Signal.valueOf(rs.getString(3)),
                        at.toInstant()));
                rows[0]++;
            });
            return rows[0];
        });
        return count == null ? 0 : count;
    }

    void follow(String follower, String followee, boolean follows) {
        jdbc.sql("delete from feed_follows where follower_id = :a and followee_id = :b").param("a", follower)
                .param("b", followee).update();
        if (follows) {
            jdbc.sql("insert into feed_follows (follower_id, followee_id) values (:a, :b)").param("a", follower)
                    .param("b", followee).update();
        }
    }

    void block(String blocker, String blocked, boolean blocks) {
        jdbc.sql("delete from feed_blocks where blocker_id = :a and blocked_id = :b").param("a", blocker)
                .param("b", blocked).update();
        if (blocks) {
            jdbc.sql("insert into feed_blocks (blocker_id, blocked_id) values (:a, :b)").param("a", blocker)
                    .param("b", blocked).update();
        }
    }

    void forEachFollow(Graph graph) {
        jdbc.sql("select * from feed_follows").query(rs -> {
            graph.follow(rs.getString("follower_id"), rs.getString("followee_id"));
        });
    }

    void forEachBlock(Graph graph) {
        jdbc.sql("select * from feed_blocks").query(rs -> {
            graph.block(rs.getString("blocker_id"), rs.getString("blocked_id"));
        });
    }
}
