package io.clipfeed.social;

import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.clipfeed.platform.Db;
import io.clipfeed.platform.Ids;

/**
 * What happened to a user's videos, comments and account. Written in the transaction of the action that causes
 * it, so a notification exists exactly when its like, comment or follow does. Nobody is notified of their own
 * actions, nor of a user they blocked or who blocked them.
 */
@Repository
class Notifications {

    enum Type { liked, commented, replied, followed, mentioned }

    record Row(String id, Type type, String actorId, String videoId, String commentId, String excerpt,
            Instant createdAt, boolean read) {
    }

    static final int EXCERPT = 80;

    private final JdbcClient jdbc;
    private final Clock clock;

    Notifications(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void send(String recipientId, Type type, String actorId, String videoId, String commentId, String text) {
        insert(recipientId, type, actorId, videoId, commentId, excerpt(text), "");
    }

    /**
     * Sends a notification only if the same actor has not already sent this type about this video: liking,
     * unliking and liking again notifies the creator once.
     */
    void sendOnce(String recipientId, Type type, String actorId, String videoId) {
        insert(recipientId, type, actorId, videoId, null, null, " and not exists (select 1 from notifications n "
                + "where n.recipient_id = :r and n.type = :type and n.actor_id = :a and n.video_id = :v)");
    }

    /** One statement (the block check included): writers call this while holding locks, so round trips count. */
    private void insert(String recipientId, Type type, String actorId, String videoId, String commentId,
            String excerpt, String unlessAlso) {
        if (recipientId.equals(actorId)) {
            return;
        }
        jdbc.sql("""
                insert into notifications (id, recipient_id, type, actor_id, video_id, comment_id, excerpt, created_at)
                select :id, :r, :type, :a, :v, :c, :e, :t where not exists (select 1 from user_blocks b
                  where (b.blocker_id = :r and b.blocked_id = :a) or (b.blocker_id = :a and b.blocked_id = :r))"""
                + unlessAlso)
                .param("id", Ids.newId()).param("r", recipientId).param("type", type.name()).param("a", actorId)
                .param("v", videoId, Types.VARCHAR).param("c", commentId, Types.VARCHAR)
                .param("e", excerpt, Types.VARCHAR).param("t", Db.ts(clock.instant())).update();
    }

    static String excerpt(String text) {
        if (text == null) {
            return null;
        }
        return text.codePointCount(0, text.length()) <= EXCERPT ? text
                : text.substring(0, text.offsetByCodePoints(0, EXCERPT - 1)) + "…";
    }

    List<Row> page(String recipientId, Keyset after, int limit) {
        String where = after == null ? "" : " and created_at <= :at and (created_at < :at or id < :id)";
        var sql = jdbc.sql("select * from notifications where recipient_id = :r" + where
                + " order by created_at desc, id desc limit :n").param("r", recipientId).param("n", limit);
        if (after != null) {
            sql = sql.param("at", Db.ts(after.at())).param("id", after.id());
        }
        return sql.query((rs, n) -> new Row(rs.getString("id"), Type.valueOf(rs.getString("type")),
                rs.getString("actor_id"), rs.getString("video_id"), rs.getString("comment_id"),
                rs.getString("excerpt"), Db.instant(rs, "created_at"), rs.getBoolean("is_read"))).list();
    }

    long unread(String recipientId) {
        return jdbc.sql("select count(*) from notifications where recipient_id = :r and is_read = false")
                .param("r", recipientId).query(Long.class).single();
    }

    void markRead(String recipientId, List<String> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("update notifications set is_read = true where recipient_id = :r and id in (:ids)")
                    .param("r", recipientId).param("ids", ids).update();
        }
    }

    void markAllRead(String recipientId) {
        jdbc.sql("update notifications set is_read = true where recipient_id = :r and is_read = false")
                .param("r", recipientId).update();
    }
}
