package io.clipfeed.upload.tus;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import io.clipfeed.platform.Ids;
import io.clipfeed.platform.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The protocol frame around every tus request, applied before security so that authorisation and CSRF see the
 * effective method: honours {@code X-HTTP-Method-Override} (for clients behind proxies that only pass GET/POST),
 * stamps {@code Tus-Resumable} on every response, and answers 412 to a request speaking another tus version.
 */
class TusProtocolFilter extends OncePerRequestFilter {

    static final String VERSION = "1.0.0";
    private static final Set<String> OVERRIDABLE = Set.of("PATCH", "DELETE", "HEAD");
    private static final Set<String> VERSIONED = Set.of("POST", "PATCH", "DELETE", "HEAD");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Tus-Resumable", VERSION);
        String override = request.getHeader("X-HTTP-Method-Override");
        HttpServletRequest effective = request;
        if (override != null && "POST".equals(request.getMethod())) {
            String method = override.trim().toUpperCase(Locale.ROOT);
            if (!OVERRIDABLE.contains(method)) {
                ProblemWriter.write(response, 400, "Bad request",
                        "X-HTTP-Method-Override may only be PATCH, DELETE or HEAD.");
                return;
            }
            effective = withMethod(request, method);
        }
        if (VERSIONED.contains(effective.getMethod()) && !VERSION.equals(request.getHeader("Tus-Resumable"))) {
            response.setHeader("Tus-Version", VERSION);
            ProblemWriter.write(response, 412, "Unsupported tus version",
                    "This server speaks tus " + VERSION + ": send 'Tus-Resumable: " + VERSION + "'.");
            return;
        }
        String id = uploadId(request.getRequestURI());
        if (id != null) {
            MDC.put("uploadId", id);
        }
        try {
            chain.doFilter(effective, response);
        } finally {
            MDC.remove("uploadId");
        }
    }

    private static String uploadId(String uri) {
        int slash = uri.lastIndexOf('/');
        String last = slash < 0 ? null : uri.substring(slash + 1);
        return Ids.isWellFormed(last) ? last : null;
    }

    private static HttpServletRequest withMethod(HttpServletRequest request, String method) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getMethod() {
                return method;
            }
        };
    }
}
