package io.clipfeed.social;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.clipfeed.platform.ApiProblem;
import io.clipfeed.platform.Db;
import io.clipfeed.social.Counters.UserCount;

/** Who follows whom, with follower and following counts kept exact like the like counts. */
@Service
class Follows {

    private final JdbcClient jdbc;
    private final Counters counters;
    private final Blocks blocks;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    Follows(JdbcClient jdbc, Counters counters, Blocks blocks, Notifications notifications,
            ApplicationEventPublisher events, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.counters = counters;
        this.blocks = blocks;
        this.notifications = notifications;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** Follows (once); the followee's follower count afterwards. */
    long follow(String followerId, String followeeId) {
        if (followerId.equals(followeeId)) {
            throw ApiProblem.badRequest("You cannot follow yourself.");
        }
        if (blocks.between(followerId, followeeId)) {
            throw ApiProblem.forbidden("You cannot follow this user.");
        }
        counters.withRows(() -> ensureRows(followerId, followeeId), () -> tx.execute(status -> {
            // checked again under the pair's lock: a block committed meanwhile wins (Blocking takes the same lock)
            counters.lockPair(followerId, followeeId);
            if (blocks.between(followerId, followeeId)) {
                throw ApiProblem.forbidden("You cannot follow this user.");
            }
            Instant now = clock.instant();
            if (insert(followerId, followeeId, now)) {
                notifications.send(followeeId, Notifications.Type.followed, followerId, null, null, null);
                events.publishEvent(new UserFollowed(followerId, followeeId, now));
                changeCounts(followerId, followeeId, 1);
            }
            return null;
        }));
        return counters.ofUser(followeeId).followers();
    }

    private void ensureRows(String followerId, String followeeId) {
        counters.ensureUser(followerId);
        counters.ensureUser(followeeId);
    }

    /** Stops following (if it did); the followee's follower count afterwards. */
    long unfollow(String followerId, String followeeId) {
        counters.withRows(() -> ensureRows(followerId, followeeId), () -> tx.execute(status -> end(followerId,
                followeeId)));
        return counters.ofUser(followeeId).followers();
    }

    /** Ends the follow inside the caller's transaction (also used by blocking); true when there was one. */
    boolean end(String followerId, String followeeId) {
        int removed = jdbc.sql("delete from follows where follower_id = :a and followee_id = :b")
                .param("a", followerId).param("b", followeeId).update();
        if (removed == 1) {
            events.publishEvent(new UserUnfollowed(followerId, followeeId, clock.instant()));
            changeCounts(followerId, followeeId, -1);
        }
        return removed == 1;
    }

    private void changeCounts(String followerId, String followeeId, long delta) {
        counters.addInOrder(Map.of(followerId, Map.of(UserCount.following, delta),
                followeeId, Map.of(UserCount.followers, delta)));
    }

    private boolean insert(String followerId, String followeeId, Instant now) {
        try {
            return jdbc.sql("insert into follows (follower_id, followee_id, created_at) values (:a, :b, :t) "
                    + "on conflict do nothing").param("a", followerId).param("b", followeeId).param("t", Db.ts(now))
                    .update() == 1;
        } catch (DuplicateKeyException concurrentSameFollow) {
            return false;
        }
    }

    boolean has(String followerId, String followeeId) {
        return jdbc.sql("select count(*) from follows where follower_id = :a and followee_id = :b")
                .param("a", followerId).param("b", followeeId).query(Long.class).single() > 0;
    }

    /** Followers of the user, newest first (keyset id = the follower). */
    List<Keyset> followers(String userId, Keyset after, int limit) {
        return page("follower_id", "followee_id", userId, after, limit);
    }

    /** Users the user follows, newest first (keyset id = the followee). */
    List<Keyset> following(String userId, Keyset after, int limit) {
        return page("followee_id", "follower_id", userId, after, limit);
    }

    private List<Keyset> page(String other, String self, String userId, Keyset after, int limit) {
        String where = after == null ? "" : " and created_at <= :at and (created_at < :at or " + other + " < :id)";
        var sql = jdbc.sql("select " + other + " as other, created_at from follows where " + self + " = :u" + where
                + " order by created_at desc, " + other + " desc limit :n").param("u", userId).param("n", limit);
        if (after != null) {
            sql = sql.param("at", Db.ts(after.at())).param("id", after.id());
        }
        return sql.query((rs, n) -> Keyset.of(Db.instant(rs, "created_at"), rs.getString("other"))).list();
    }
}
