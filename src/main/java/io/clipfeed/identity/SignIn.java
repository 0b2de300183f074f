package io.clipfeed.identity;

import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import io.clipfeed.platform.Role;

/** Registration and sign-in: rules, password checks, throttling, token issue. */
@Service
class SignIn {

    private final JdbcAccounts accounts;
    private final Passwords passwords;
    private final AccessTokens tokens;
    private final LoginThrottle throttle;
    private final IdentitySettings settings;

    SignIn(JdbcAccounts accounts, Passwords passwords, AccessTokens tokens, LoginThrottle throttle,
            IdentitySettings settings) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.tokens = tokens;
        this.throttle = throttle;
        this.settings = settings;
    }

    AuthOutcome register(String username, String password) {
        String name = CredentialRules.normalize(username);
        Optional<String> problem = CredentialRules.usernameProblem(name);
        if (problem.isPresent()) {
            return new AuthOutcome.Invalid("username", problem.get());
        }
        if (CredentialRules.isReserved(name)) {
            return new AuthOutcome.Invalid("username", "This username is reserved; choose another.");
        }
        problem = CredentialRules.passwordProblem(name, password);
        if (problem.isPresent()) {
            return new AuthOutcome.Invalid("password", problem.get());
        }
        return accounts.create(name, passwords.hash(password), Set.of(Role.USER))
                .<AuthOutcome>map(a -> new AuthOutcome.SignedIn(a, tokens.issue(a.id())))
                .orElseGet(AuthOutcome.UsernameTaken::new);
    }

    AuthOutcome login(String username, String password, String clientAddress) {
        String name = CredentialRules.normalize(username);
        String user = LoginThrottle.userSubject(name);
        String ip = LoginThrottle.ipSubject(clientAddress);
        var locked = throttle.lockedFor(user, ip);
        if (locked.isPresent()) {
            return new AuthOutcome.Throttled(locked.get());
        }
        if (password == null || password.length() > CredentialRules.MAX_PASSWORD_BYTES) {
            return failed(user, ip);
        }
        var found = accounts.credentials(name);
        if (found.isEmpty()) {
            passwords.burnDecoy(password);
            return failed(user, ip);
        }
        if (!passwords.matches(password, found.get().passwordHash())) {
            return failed(user, ip);
        }
        throttle.recordSuccess(user);
        Account account = found.get().account();
        return new AuthOutcome.SignedIn(account, tokens.issue(account.id()));
    }

    void logout(String rawToken) {
        if (rawToken != null && rawToken.length() <= 256) {
            tokens.revoke(rawToken);
        }
    }

    private AuthOutcome failed(String user, String ip) {
        throttle.recordFailure(user, settings.freeAttempts());
        throttle.recordFailure(ip, settings.ipFreeAttempts());
        return new AuthOutcome.BadCredentials();
    }
}
