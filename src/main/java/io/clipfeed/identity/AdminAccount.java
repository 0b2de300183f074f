package io.clipfeed.identity;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

import io.clipfeed.platform.Role;

/**
 * {@code CLIPFEED_ADMIN_PASSWORD} ({@code clipfeed.admin-password}) creates the {@code admin} account at start, or
 * resets its password and role when it exists with another one; a reset also signs out every admin session.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentitySettings.class)
class AdminAccount implements ApplicationRunner {

    static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdminAccount.class);

    private final String password;
    private final JdbcAccounts accounts;
    private final Passwords passwords;
    private final AccessTokens tokens;

    AdminAccount(@Value("${clipfeed.admin-password:}") String password, JdbcAccounts accounts, Passwords passwords,
            AccessTokens tokens) {
        this.password = password;
        this.accounts = accounts;
        this.passwords = passwords;
        this.tokens = tokens;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (password == null || password.isBlank()) {
            return;
        }
        CredentialRules.passwordProblem(USERNAME, password).ifPresent(p -> log.warn(
                "CLIPFEED_ADMIN_PASSWORD is weak ({}); using it anyway because the operator chose it", p));
        Account admin = accounts.ensure(USERNAME, password, Set.of(Role.ADMIN, Role.USER));
        JdbcAccounts.Credentials current = accounts.credentials(USERNAME).orElseThrow();
        if (!admin.roles().contains(Role.ADMIN)) {
            accounts.updateRoles(admin.id(), Set.of(Role.ADMIN, Role.USER));
            tokens.forgetAccount(admin.id()); // its remembered tokens still carry the old roles
        }
        if (!passwords.matches(password, current.passwordHash())) {
            accounts.updatePassword(admin.id(), passwords.hash(password));
            tokens.revokeAll(admin.id());
            log.info("Reset the password of the admin account");
        }
    }
}
