package io.clipfeed.platform;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates from {@code Authorization: Bearer <token>} or, for the web client, the HttpOnly session cookie.
 * A bad bearer token is a 401 at once (RFC 6750); a stale cookie is ignored so a page still loads anonymously.
 */
class TokenAuthenticationFilter extends OncePerRequestFilter {

    static final int MAX_TOKEN_LENGTH = 256;
    private final TokenAuthenticator tokens;

    TokenAuthenticationFilter(TokenAuthenticator tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null) {
            Optional<CurrentUser> user = bearer(header).flatMap(tokens::authenticate);
            if (user.isEmpty()) {
                response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                ProblemWriter.write(response, 401, "Unauthorized",
                        "The access token is missing, malformed, expired or revoked. Sign in again.");
                return;
            }
            signIn(user.get());
        } else {
            sessionCookie(request).filter(t -> t.length() <= MAX_TOKEN_LENGTH)
                    .flatMap(tokens::authenticate).ifPresent(this::signIn);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static Optional<String> bearer(String header) {
        if (header.length() > 7 + MAX_TOKEN_LENGTH || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    static Optional<String> sessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie c : cookies) {
            if (SessionCookie.NAME.equals(c.getName())) {
                return Optional.ofNullable(c.getValue());
            }
        }
        return Optional.empty();
    }

    private void signIn(CurrentUser user) {
        List<SimpleGrantedAuthority> authorities = user.roles().stream()
                .map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
    }
}
