package io.clipfeed.identity;

import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.clipfeed.platform.Db;

/**
 * Slows down password guessing: failed sign-ins are counted per username and per client address (in the database,
 * so every API process sees the same counts). Past the free attempts each failure locks the subject for an
 * exponentially growing time; a locked subject is refused before its password is even checked.
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final IdentitySettings settings;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, IdentitySettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    static String userSubject(String normalizedUsername) {
        return "user:" + truncate(normalizedUsername, 100);
    }

    static String ipSubject(String address) {
        return "ip:" + truncate(address == null ? "unknown" : address, 100);
    }

    /** How long the longest-locked of these subjects must still wait; empty when none is locked. */
    Optional<Duration> lockedFor(String... subjects) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        for (String subject : subjects) {
            Instant until = jdbc.sql("select locked_until from login_failures where subject = :s")
                    .param("s", subject).query((rs, n) -> Db.instant(rs, "locked_until")).optional().orElse(null);
            if (until != null && until.isAfter(now) && Duration.between(now, until).compareTo(longest) > 0) {
                longest = Duration.between(now, until);
            }
        }
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    /** Runs without a transaction: a lost increment under a race is harmless, an aborted transaction is not. */
    void recordFailure(String subject, int freeAttempts) {
        Instant now = clock.instant();
        Optional<Integer> previous = jdbc.sql("select failures, last_failure_at from login_failures where subject = :s")
                .param("s", subject)
                .query((rs, n) -> Db.instant(rs, "last_failure_at").isBefore(now.minus(settings.failureWindow()))
                        ? 0 : rs.getInt("failures"))
                .optional();
        int failures = previous.orElse(0) + 1;
        Instant lockedUntil = failures >= freeAttempts ? now.plus(delay(failures - freeAttempts)) : null;
        if (previous.isEmpty() && insert(subject, failures, now, lockedUntil)) {
            return;
        }
        jdbc.sql("update login_failures set failures = :f, last_failure_at = :t, locked_until = :l where subject = :s")
                .param("f", failures).param("t", Db.ts(now))
                .param("l", Db.ts(lockedUntil), Types.TIMESTAMP_WITH_TIMEZONE).param("s", subject)
                .update();
    }

    void recordSuccess(String subject) {
        jdbc.sql("delete from login_failures where subject = :s").param("s", subject).update();
    }

    /** base × 2^excess, capped; computed without overflow for any excess. */
    Duration delay(int excess) {
        Duration delay = settings.baseDelay();
        for (int i = 0; i < excess && delay.compareTo(settings.maxDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
    }

    private boolean insert(String subject, int failures, Instant now, Instant lockedUntil) {
        try {
            jdbc.sql("insert into login_failures (subject, failures, last_failure_at, locked_until) "
                    + "values (:s, :f, :t, :l)")
                    .param("s", subject).param("f", failures).param("t", Db.ts(now))
                    .param("l", Db.ts(lockedUntil), Types.TIMESTAMP_WITH_TIMEZONE)
                    .update();
            return true;
        } catch (DuplicateKeyException concurrent) {
            return false;
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
