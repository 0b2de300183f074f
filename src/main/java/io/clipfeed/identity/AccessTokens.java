package io.clipfeed.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.clipfeed.platform.CurrentUser;
import io.clipfeed.platform.Db;
import io.clipfeed.platform.ExpireAt;
import io.clipfeed.platform.TokenAuthenticator;

/**
 * Opaque access tokens: 256 random bits, handed to the client once and stored only as their SHA-256, so a leaked
 * database does not leak usable tokens. Each token expires after {@code clipfeed.identity.token-ttl}.
 * <p>
 * A token found valid is remembered (by its hash) for {@code clipfeed.identity.token-cache-ttl}, never past its own
 * expiry, so a signed-in request does not cost a database query each time. Signing out and revoking drop the
 * entries of this process at once; another process sharing the database (a separate web node) may still accept a
 * revoked token for at most that long.
 */
@Component
class AccessTokens implements TokenAuthenticator {

    /** A freshly issued token; {@code token} is the only copy of the raw value. */
    record Issued(String token, Instant expiresAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;
    private final IdentitySettings settings;
    private final Clock clock;
    /** Valid tokens by hash; absent when the cache is switched off ({@code token-cache-ttl: 0}). */
    private final Cache<String, Valid> valid;

    /** A token known to be valid: who it signs in, and until when at most. */
    private record Valid(CurrentUser user, Instant expiresAt) {
    }

    AccessTokens(JdbcClient jdbc, IdentitySettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
        this.valid = settings.tokenCacheTtl().isZero() ? null
                : Caffeine.newBuilder().maximumSize(100_000)
                        .expireAfter(new ExpireAt<String, Valid>(clock, this::cachedUntil)).build();
    }

    Issued issue(String accountId) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        Instant expires = now.plus(settings.tokenTtl());
        // housekeeping on the way: an account's dead tokens go when it signs in again, so the table stays small
        jdbc.sql("delete from access_tokens where account_id = :a and expires_at <= :now")
                .param("a", accountId).param("now", Db.ts(now)).update();
        jdbc.sql("insert into access_tokens (token_hash, account_id, created_at, expires_at) values (:h, :a, :c, :e)")
                .param("h", hash(token)).param("a", accountId).param("c", Db.ts(now)).param("e", Db.ts(expires))
                .update();
        return new Issued(token, expires);
    }

    @Override
    public Optional<CurrentUser> authenticate(String rawToken) {
        if (rawToken == null || rawToken.isEmpty() || rawToken.length() > 256) {
            return Optional.empty();
        }
        String hash = hash(rawToken);
        Instant now = clock.instant();
        Valid known = valid == null ? null : valid.getIfPresent(hash);
        if (known != null && known.expiresAt().isAfter(now)) {
            return Optional.of(known.user());
        }
        Optional<Valid> found = jdbc.sql("select a.*, t.expires_at as token_expires_at from access_tokens t "
                + "join accounts a on a.id = t.account_id where t.token_hash = :h and t.expires_at > :now")
                .param("h", hash).param("now", Db.ts(now))
                .query((rs, n) -> {
                    Account a = JdbcAccounts.account(rs);
                    return new Valid(new CurrentUser(a.id(), a.username(), a.roles()),
                            Db.instant(rs, "token_expires_at"));
                }).optional();
        if (valid != null) {
            found.ifPresent(v -> valid.put(hash, v));
        }
        return found.map(Valid::user);
    }

    void revoke(String rawToken) {
        String hash = hash(rawToken);
        jdbc.sql("delete from access_tokens where token_hash = :h").param("h", hash).update();
        if (valid != null) {
            valid.invalidate(hash);
        }
    }

    void revokeAll(String accountId) {
        jdbc.sql("delete from access_tokens where account_id = :a").param("a", accountId).update();
        forgetAccount(accountId);
    }

    /** The account changed (roles, or all its tokens revoked): its tokens are looked up afresh. */
    void forgetAccount(String accountId) {
        if (valid != null) {
            valid.asMap().values().removeIf(v -> v.user().id().equals(accountId));
        }
    }

    /** An entry lives for the cache's TTL, never past the token's own expiry. */
    private Instant cachedUntil(Valid token) {
        Instant ttlEnd = clock.instant().plus(settings.tokenCacheTtl());
        return token.expiresAt().isBefore(ttlEnd) ? token.expiresAt() : ttlEnd;
    }

    static String hash(String rawToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(rawToken.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
