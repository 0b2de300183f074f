package io.clipfeed.social;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.clipfeed.catalog.EngagementCounts;

/**
 * The counters read on every video and profile response: one row per video and per user, so a read is one
 * primary-key lookup. Writers change a counter in the same transaction as the row it counts (a like, a comment,
 * ...), and only when that row really changed, so the counters stay exact under concurrency. The writing
 * transaction only updates counter rows; a missing row aborts it, and {@link #withRows} then creates the rows in
 * their own statements and runs it again (an insert racing another uncommitted insert of the same key behaves
 * differently on H2 and PostgreSQL, a plain update does not). Writers change counters last, just before commit,
 * so the hot row of a popular video is locked as briefly as possible.
 */
@Repository
class Counters implements EngagementCounts {

    enum VideoCount { likes, comments, views, shares }

    enum UserCount { followers, following, likes_received }

    record UserCounts(long followers, long following, long likesReceived) {
        static final UserCounts ZERO = new UserCounts(0, 0, 0);
    }

    private final JdbcClient jdbc;

    Counters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Counts of(String videoId) {
        return jdbc.sql("select likes, comments, views, shares from video_counters where video_id = :v")
                .param("v", videoId).query((rs, n) -> new Counts(rs.getLong("likes"), rs.getLong("comments"),
                        rs.getLong("views"), rs.getLong("shares")))
                .optional().orElse(Counts.ZERO);
    }

    /** One query for the whole batch; the feed asks for at most a page's cards (≤ 200) at a time. */
    @Override
    public Map<String, Counts> ofAll(Collection<String> videoIds) {
        Map<String, Counts> all = new HashMap<>();
        if (videoIds.isEmpty()) {
            return all;
        }
        jdbc.sql("select video_id, likes, comments, views, shares from video_counters where video_id in (:ids)")
                .param("ids", List.copyOf(new HashSet<>(videoIds)))
                .query((rs, n) -> all.put(rs.getString("video_id"), new Counts(rs.getLong("likes"),
                        rs.getLong("comments"), rs.getLong("views"), rs.getLong("shares"))))
                .list();
        videoIds.forEach(id -> all.putIfAbsent(id, Counts.ZERO));
        return all;
    }

    UserCounts ofUser(String userId) {
        return jdbc.sql("select followers, following, likes_received from user_counters where user_id = :u")
                .param("u", userId).query((rs, n) -> new UserCounts(rs.getLong("followers"),
                        rs.getLong("following"), rs.getLong("likes_received")))
                .optional().orElse(UserCounts.ZERO);
    }

    void ensureVideo(String videoId) {
        ensure("insert into video_counters (video_id) values (:id) on conflict do nothing", videoId);
    }

    void ensureUser(String userId) {
        ensure("insert into user_counters (user_id) values (:id) on conflict do nothing", userId);
    }

    /** Thrown (and so rolling the transaction back) when a counter row does not exist yet. */
    static final class MissingRow extends RuntimeException {
        MissingRow(String id) {
            super("No counter row for " + id, null, false, false);
        }
    }

    /**
     * Runs a writing transaction; when it stopped at a missing counter row, creates the rows with {@code ensure}
     * (outside any transaction) and runs it once more.
     */
    <T> T withRows(Runnable ensure, Supplier<T> transaction) {
        try {
            return transaction.get();
        } catch (MissingRow first) {
            ensure.run();
            return transaction.get();
        }
    }

    private void ensure(String sql, String id) {
        try {
            jdbc.sql(sql).param("id", id).update();
        } catch (DuplicateKeyException concurrentInsert) {
            // H2 may report the race instead of ignoring it: the row exists either way
        }
    }

    void add(String videoId, VideoCount count, long delta) {
        // the column name comes from the enum, never from input
        requireRow(jdbc.sql("update video_counters set " + count + " = " + count + " + :d where video_id = :id")
                .param("d", delta).param("id", videoId).update(), videoId);
    }

    void add(String userId, UserCount count, long delta) {
        requireRow(jdbc.sql("update user_counters set " + count + " = " + count + " + :d where user_id = :id")
                .param("d", delta).param("id", userId).update(), userId);
    }

    /**
     * Changes several users' counters in one order (by user id) whatever the caller's: two transactions touching
     * the same two rows in opposite orders would deadlock (A follows B while B follows A).
     */
    void addInOrder(Map<String, Map<UserCount, Long>> changes) {
        new TreeMap<>(changes).forEach((user, deltas) -> deltas.forEach((count, delta) -> add(user, count, delta)));
    }

    /**
     * Locks both users' counter rows, in user-id order, until the transaction ends: a follow and a block between the
     * same two users then run one after the other, so the later one sees what the earlier one did.
     */
    void lockPair(String a, String b) {
        new java.util.TreeSet<>(java.util.List.of(a, b)).forEach(user -> add(user, UserCount.followers, 0));
    }

    private static void requireRow(int updated, String id) {
        if (updated != 1) {
            throw new MissingRow(id);
        }
    }
}
