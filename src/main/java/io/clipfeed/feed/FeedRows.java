package io.clipfeed.feed;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.clipfeed.platform.Db;

/** The feed's tables: listed videos, the interaction log, follows and blocks. */
@Repository
class FeedRows {

    private final JdbcClient jdbc;

    FeedRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    /** The interaction log in order. */
    void forEachInteraction(Consumer<Interaction> sink) {
        jdbc.sql("select viewer_key, video_id, kind, at from feed_interactions order by id").query(rs -> {
            sink.accept(new Interaction(rs.getString("viewer_key"), rs.getString("video_id"),
                    Signal.valueOf(rs.getString("kind")), Db.instant(rs, "at")));
        });
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
