package io.clipfeed.platform;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Stateless security: each request authenticates by token (header or cookie). Authorisation is decided in each
 * module's code (ownership checks need the domain), so the chain itself permits every route. CSRF is enforced only
 * where it matters: writes authenticated by the session cookie and no Authorization header.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityConfig.CorsSettings.class)
class SecurityConfig {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @ConfigurationProperties("clipfeed.cors")
    record CorsSettings(@DefaultValue("*") List<String> allowedOrigins) {
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, TokenAuthenticator tokens) throws Exception {
        CsrfTokenRequestAttributeHandler csrfHandler = new PageTokenHandler();
        http.cors(c -> {
        })
                .csrf(csrf -> csrf.csrfTokenRepository(CsrfTokens.REPOSITORY)
                        .csrfTokenRequestHandler(csrfHandler)
                        // sessions are stateless, so Spring would "log in" (and replace the token) on every
                        // authenticated request: a cover's response would delete the cookie a write then lacks
                        .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy())
                        .requireCsrfProtectionMatcher(cookieAuthenticatedWrite()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .addFilterBefore(new TokenAuthenticationFilter(tokens), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> ProblemWriter.write(res, 401, "Unauthorized",
                                "Sign in to do this."))
                        .accessDeniedHandler((req, res, ex) -> ProblemWriter.write(res, 403, "Forbidden",
                                "This request was refused: a missing or invalid CSRF token, or no permission.")))
                .headers(h -> h.contentTypeOptions(c -> {
                }).frameOptions(f -> f.sameOrigin()));
        return http.build();
    }

    /**
     * Writes that ride on the session cookie need the double-submit token, except tus requests: they always carry
     * the custom {@code Tus-Resumable} header, which a cross-site page can only send after a CORS preflight, and
     * Clipfeed never allows credentials cross-origin (see {@link #corsConfigurationSource}). Exempting them keeps
     * parallel chunk uploads independent of the token cookie, which a concurrent response could be re-issuing.
     */
    private static RequestMatcher cookieAuthenticatedWrite() {
        return request -> !SAFE_METHODS.contains(request.getMethod())
                && request.getHeader("Authorization") == null
                && request.getHeader("Tus-Resumable") == null
                && TokenAuthenticationFilter.sessionCookie(request).isPresent();
    }

    /**
     * Browsers upload from other origins with bearer tokens (never cookies), so any origin may call the API by
     * default; the tus headers are exposed as tusd does.
     */
    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsSettings settings) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(settings.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Origin", "X-Requested-With",
                "X-Request-Id", "X-HTTP-Method-Override", "Range", "If-Range", "If-None-Match",
                "Tus-Resumable", "Upload-Length", "Upload-Metadata", "Upload-Offset", "Upload-Defer-Length",
                "Upload-Concat", "Upload-Checksum"));
        cors.setExposedHeaders(List.of("Location", "Upload-Offset", "Upload-Length", "Upload-Metadata",
                "Upload-Defer-Length", "Upload-Concat", "Upload-Expires", "Tus-Resumable", "Tus-Version",
                "Tus-Extension", "Tus-Max-Size", "Tus-Checksum-Algorithm", "Clipfeed-Video-Id", "X-Request-Id",
                "Content-Range", "Accept-Ranges", "Content-Length", "ETag", "Retry-After"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(86400L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        source.registerCorsConfiguration("/media/**", cors);
        return source;
    }

    /**
     * Issues the XSRF-TOKEN cookie on every page and API call, so the web client can echo it in X-XSRF-TOKEN — also
     * right after signing in, when the token is replaced — but never on files. Media and static assets are
     * {@code public, immutable}; a {@code Set-Cookie} there would keep shared caches and CDNs from storing them (or,
     * worse, hand one viewer's token to the next) and cost a random token per range request.
     */
    static final class PageTokenHandler extends CsrfTokenRequestAttributeHandler {
        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response,
                Supplier<CsrfToken> deferredCsrfToken) {
            super.handle(request, response, deferredCsrfToken);
            if (!isFile(request.getRequestURI())) {
                deferredCsrfToken.get().getToken();
            }
        }

        static boolean isFile(String path) {
            return path.startsWith("/media/") || path.startsWith("/assets/")
                    || path.substring(path.lastIndexOf('/') + 1).contains(".");
        }
    }
}
