package io.clipfeed.identity;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Username and password rules. Usernames are case-insensitive: they are lower-cased before checking and storing.
 * Methods return the reason a value is refused, or empty when it is acceptable.
 */
final class CredentialRules {

    static final int MIN_PASSWORD_CHARS = 10;
    static final int MAX_PASSWORD_BYTES = 128;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9_.]{3,30}");
    /** Names that would let someone pose as the operator or collide with routes. */
    private static final Set<String> RESERVED = Set.of("admin", "administrator", "root", "system", "moderator",
            "mod", "staff", "support", "help", "clipfeed", "api", "me", "null", "anonymous", "login", "logout",
            "register", "settings", "security", "official");

    private CredentialRules() {
    }

    static String normalize(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    static Optional<String> usernameProblem(String normalized) {
        if (normalized.length() < 3 || normalized.length() > 30) {
            return Optional.of("A username has 3 to 30 characters.");
        }
        if (!USERNAME.matcher(normalized).matches()) {
            return Optional.of("A username may contain only letters a-z, digits, '_' and '.'.");
        }
        if (normalized.startsWith(".") || normalized.endsWith(".") || normalized.contains("..")) {
            return Optional.of("A username cannot start or end with '.' or contain '..'.");
        }
        return Optional.empty();
    }

    static boolean isReserved(String normalized) {
        return RESERVED.contains(normalized);
    }

    static Optional<String> passwordProblem(String normalizedUsername, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_CHARS) {
            return Optional.of("A password has at least " + MIN_PASSWORD_CHARS + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return Optional.of("A password has at most " + MAX_PASSWORD_BYTES + " bytes.");
        }
        if (password.strip().toLowerCase(Locale.ROOT).equals(normalizedUsername)) {
            return Optional.of("The password must not be the username.");
        }
        return Optional.empty();
    }
}
