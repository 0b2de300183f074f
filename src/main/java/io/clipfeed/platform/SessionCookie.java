package io.clipfeed.platform;

import java.time.Duration;

import org.springframework.http.ResponseCookie;

/**
 * The web client's session cookie: HttpOnly (scripts cannot read the token), SameSite=Lax, and protected against
 * CSRF by the double-submit {@code XSRF-TOKEN} cookie that {@link SecurityConfig} checks on every write.
 */
public final class SessionCookie {

    public static final String NAME = "clipfeed_session";

    private SessionCookie() {
    }

    public static ResponseCookie issue(String token, Duration maxAge, boolean secure) {
        return ResponseCookie.from(NAME, token).httpOnly(true).secure(secure).sameSite("Lax").path("/")
                .maxAge(maxAge).build();
    }

    public static ResponseCookie clear(boolean secure) {
        return ResponseCookie.from(NAME, "").httpOnly(true).secure(secure).sameSite("Lax").path("/")
                .maxAge(0).build();
    }
}
