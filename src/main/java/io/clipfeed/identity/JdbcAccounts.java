package io.clipfeed.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.clipfeed.platform.Db;
import io.clipfeed.platform.Ids;
import io.clipfeed.platform.Role;

/** The accounts table, and the module's public {@link Accounts} façade. */
@Repository
class JdbcAccounts implements Accounts {

    /** An account together with its password hash; never leaves the module. */
    record Credentials(Account account, String passwordHash) {
    }

    private final JdbcClient jdbc;
    private final Passwords passwords;
    private final Clock clock;

    JdbcAccounts(JdbcClient jdbc, Passwords passwords, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    public Optional<Account> find(String userId) {
        if (!Ids.isWellFormed(userId)) {
            return Optional.empty();
        }
        return jdbc.sql("select * from accounts where id = :id").param("id", userId)
                .query((rs, n) -> account(rs)).optional();
    }

    @Override
    public Optional<Account> findByUsername(String username) {
        return credentials(username).map(Credentials::account);
    }

    @Override
    public Account ensure(String username, String password, Set<Role> roles) {
        String name = CredentialRules.normalize(username);
        CredentialRules.usernameProblem(name).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        return findByUsername(name).orElseGet(() -> create(name, passwords.hash(password), roles)
                .orElseGet(() -> findByUsername(name).orElseThrow()));
    }

    Optional<Credentials> credentials(String username) {
        String name = CredentialRules.normalize(username);
        if (name.length() > 30) {
            return Optional.empty();
        }
        return jdbc.sql("select * from accounts where username = :u").param("u", name)
                .query((rs, n) -> new Credentials(account(rs), rs.getString("password_hash"))).optional();
    }

    /** Inserts the account; empty when the username is taken (also by a concurrent insert). */
    Optional<Account> create(String normalizedUsername, String passwordHash, Set<Role> roles) {
        Account account = new Account(Ids.newId(), normalizedUsername, Set.copyOf(roles), clock.instant());
        try {
            jdbc.sql("insert into accounts (id, username, password_hash, roles, created_at) "
                    + "values (:id, :u, :h, :r, :t)")
                    .param("id", account.id()).param("u", normalizedUsername).param("h", passwordHash)
                    .param("r", encode(roles)).param("t", Db.ts(account.createdAt())).update();
            return Optional.of(account);
        } catch (DuplicateKeyException taken) {
            return Optional.empty();
        }
    }

    void updatePassword(String accountId, String passwordHash) {
        jdbc.sql("update accounts set password_hash = :h where id = :id")
                .param("h", passwordHash).param("id", accountId).update();
    }

    void updateRoles(String accountId, Set<Role> roles) {
        jdbc.sql("update accounts set roles = :r where id = :id").param("r", encode(roles)).param("id", accountId)
                .update();
    }

    static Account account(ResultSet rs) throws SQLException {
        return new Account(rs.getString("id"), rs.getString("username"), decode(rs.getString("roles")),
                Db.instant(rs, "created_at"));
    }

    private static String encode(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    private static Set<Role> decode(String roles) {
        Set<Role> out = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(",")).filter(s -> !s.isBlank()).map(Role::valueOf).forEach(out::add);
        return Set.copyOf(out);
    }
}
