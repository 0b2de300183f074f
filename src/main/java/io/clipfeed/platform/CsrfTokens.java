package io.clipfeed.platform;

import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The double-submit CSRF token (cookie {@code XSRF-TOKEN}, echoed in {@code X-XSRF-TOKEN}). Sessions are stateless,
 * so Spring Security's own rotation at authentication is off (it would run on every request); the sign-in, sign-up
 * and sign-out answers call {@link #rotate} instead, so a token planted or read before the session changed is
 * worthless after it.
 */
public final class CsrfTokens {

    static final CookieCsrfTokenRepository REPOSITORY = CookieCsrfTokenRepository.withHttpOnlyFalse();

    private CsrfTokens() {
    }

    /** Issues a new token in this response, replacing the one the browser holds. */
    public static void rotate(HttpServletRequest request, HttpServletResponse response) {
        CsrfToken fresh = REPOSITORY.generateToken(request);
        REPOSITORY.saveToken(fresh, request, response);
    }
}
