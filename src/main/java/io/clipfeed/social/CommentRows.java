package io.clipfeed.social;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.clipfeed.platform.Db;
import io.clipfeed.platform.Ids;
import io.clipfeed.social.Comment.Mention;

/** The comments table: keyset pages newest-first or top-first (most replies), and replies oldest-first. */
@Repository
class CommentRows {

    enum Order { newest, top }

    record Row(String id, String videoId, String parentId, String authorId, String text, List<Mention> mentions,
            int replyCount, Instant createdAt, Instant editedAt) {

        Keyset position() {
            return new Keyset(replyCount, createdAt, id);
        }
    }

    private final JdbcClient jdbc;

    CommentRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(String id) {
        if (!Ids.isWellFormed(id)) {
            return Optional.empty();
        }
        return jdbc.sql("select * from comments where id = :id").param("id", id).query((rs, n) -> row(rs)).optional();
    }

    void insert(Row c) {
        jdbc.sql("""
                insert into comments (id, video_id, parent_id, depth, author_id, body, mentions, created_at)
                values (:id, :v, :p, :d, :a, :b, :m, :t)""")
                .param("id", c.id()).param("v", c.videoId()).param("p", c.parentId())
                .param("d", c.parentId() == null ? 0 : 1).param("a", c.authorId()).param("b", c.text())
                .param("m", encode(c.mentions())).param("t", Db.ts(c.createdAt())).update();
    }

    List<Row> topLevel(String videoId, Order order, Keyset after, int limit) {
        String where = "";
        if (after != null) {
            // each leading sort column also gets a plain bound, which an index can seek to (an OR alone it scans)
            String byTime = "(created_at < :at or (created_at = :at and id < :id))";
            where = order == Order.top
                    ? " and reply_count <= :s and (reply_count < :s or " + byTime + ")"
                    : " and created_at <= :at and (created_at < :at or id < :id)";
        }
        String orderBy = (order == Order.top ? "reply_count desc, " : "") + "created_at desc, id desc";
        var sql = jdbc.sql("select * from comments where video_id = :v and depth = 0" + where + " order by "
                + orderBy + " limit :n").param("v", videoId).param("n", limit);
        if (after != null) {
            sql = sql.param("at", Db.ts(after.at())).param("id", after.id());
            if (order == Order.top) {
                sql = sql.param("s", after.score());
            }
        }
        return sql.query((rs, n) -> row(rs)).list();
    }

    List<Row> replies(String parentId, Keyset after, int limit) {
        String where = after == null ? "" : " and created_at >= :at and (created_at > :at or id > :id)";
        var sql = jdbc.sql("select * from comments where parent_id = :p" + where
                + " order by created_at, id limit :n").param("p", parentId).param("n", limit);
        if (after != null) {
            sql = sql.param("at", Db.ts(after.at())).param("id", after.id());
        }
        return sql.query((rs, n) -> row(rs)).list();
    }

    boolean postedRecently(String authorId, String videoId, String text, Instant since) {
        return jdbc.sql("select count(*) from comments where author_id = :a and video_id = :v and created_at > :t "
                + "and body = :b").param("a", authorId).param("v", videoId).param("t", Db.ts(since))
                .param("b", text).query(Long.class).single() > 0;
    }

    static String encode(List<Mention> mentions) {
        StringBuilder out = new StringBuilder();
        mentions.forEach(m -> out.append(out.isEmpty() ? "" : " ").append(m.id()).append(':').append(m.username()));
        return out.toString();
    }

    static List<Mention> decode(String mentions) {
        List<Mention> out = new ArrayList<>();
        if (mentions != null && !mentions.isBlank()) {
            for (String pair : mentions.split(" ")) {
                String[] parts = pair.split(":", 2);
                out.add(new Mention(parts[0], parts[1]));
            }
        }
        return out;
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("video_id"), rs.getString("parent_id"),
                rs.getString("author_id"), rs.getString("body"), decode(rs.getString("mentions")),
                rs.getInt("reply_count"), Db.instant(rs, "created_at"), Db.instant(rs, "edited_at"));
    }
}
