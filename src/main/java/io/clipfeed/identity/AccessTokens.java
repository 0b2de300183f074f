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

import io.clipfeed.platform.CurrentUser;
import io.clipfeed.platform.Db;
import io.clipfeed.platform.TokenAuthenticator;

/**
 * Opaque access tokens: 256 random bits, handed to the client once and stored only as their SHA-256, so a leaked
 * database does not leak usable tokens. Each token expires after {@code clipfeed.identity.token-ttl}.
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

    AccessTokens(JdbcClient jdbc, IdentitySettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
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
        return jdbc.sql("select a.* from access_tokens t join accounts a on a.id = t.account_id "
                + "where t.token_hash = :h and t.expires_at > :now")
                .param("h", hash(rawToken)).param("now", Db.ts(clock.instant()))
                .query((rs, n) -> JdbcAccounts.account(rs)).optional()
                .map(a -> new CurrentUser(a.id(), a.username(), a.roles()));
    }

    void revoke(String rawToken) {
        jdbc.sql("delete from access_tokens where token_hash = :h").param("h", hash(rawToken)).update();
    }

    void revokeAll(String accountId) {
        jdbc.sql("delete from access_tokens where account_id = :a").param("a", accountId).update();
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
