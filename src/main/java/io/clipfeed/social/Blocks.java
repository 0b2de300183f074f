package io.clipfeed.social;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.clipfeed.platform.Db;

/** Who blocked whom. A block works both ways: neither side comments on, follows or mentions the other. */
@Repository
class Blocks {

    private final JdbcClient jdbc;

    Blocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean between(String a, String b) {
        return jdbc.sql("select count(*) from user_blocks where (blocker_id = :a and blocked_id = :b) "
                + "or (blocker_id = :b and blocked_id = :a)").param("a", a).param("b", b)
                .query(Long.class).single() > 0;
    }

    boolean has(String blockerId, String blockedId) {
        return jdbc.sql("select count(*) from user_blocks where blocker_id = :a and blocked_id = :b")
                .param("a", blockerId).param("b", blockedId).query(Long.class).single() > 0;
    }

    /** True when the block is new. */
    boolean add(String blockerId, String blockedId, Instant at) {
        return jdbc.sql("insert into user_blocks (blocker_id, blocked_id, created_at) values (:a, :b, :t) "
                + "on conflict do nothing").param("a", blockerId).param("b", blockedId).param("t", Db.ts(at))
                .update() == 1;
    }

    boolean remove(String blockerId, String blockedId) {
        return jdbc.sql("delete from user_blocks where blocker_id = :a and blocked_id = :b")
                .param("a", blockerId).param("b", blockedId).update() == 1;
    }

    /** Users this one blocked, newest first, after the keyset position. */
    List<Keyset> blockedBy(String blockerId, Keyset after, int limit) {
        String where = after == null ? "" : " and created_at <= :at and (created_at < :at or blocked_id < :id)";
        var sql = jdbc.sql("select blocked_id, created_at from user_blocks where blocker_id = :u" + where
                + " order by created_at desc, blocked_id desc limit :n").param("u", blockerId).param("n", limit);
        if (after != null) {
            sql = sql.param("at", Db.ts(after.at())).param("id", after.id());
        }
        return sql.query((rs, n) -> Keyset.of(Db.instant(rs, "created_at"), rs.getString("blocked_id"))).list();
    }
}
