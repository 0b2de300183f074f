package io.clipfeed.identity;

import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password hashing with Argon2id. Hashes carry their algorithm id ({@code {argon2}…}) so the parameters or the
 * algorithm can change later without invalidating stored passwords.
 */
@Component
class Passwords {

    private final PasswordEncoder encoder = new DelegatingPasswordEncoder("argon2", Map.of(
            "argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
            "bcrypt", new BCryptPasswordEncoder()));

    /** Hashed once so an unknown username costs as much as a wrong password (no timing oracle for names). */
    private final String decoyHash = encoder.encode("decoy-password-never-matches");

    /**
     * Each Argon2 hash takes ~16 MiB and a core for a moment; bounding how many run at once keeps a flood of
     * sign-ups or sign-ins from exhausting memory (callers queue instead).
     */
    private final Semaphore slots = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()), true);

    String hash(String raw) {
        return bounded(() -> encoder.encode(raw));
    }

    boolean matches(String raw, String hash) {
        return bounded(() -> encoder.matches(raw, hash));
    }

    void burnDecoy(String raw) {
        bounded(() -> encoder.matches(raw, decoyHash));
    }

    private <T> T bounded(Supplier<T> work) {
        slots.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }
}
