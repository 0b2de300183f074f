package io.clipfeed.platform;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes a small RFC 9457 body from servlet filters, which run before Spring MVC's message converters exist, and
 * from servers outside the servlet stack.
 */
public final class ProblemWriter {

    private ProblemWriter() {
    }

    public static void write(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body(status, title, detail));
    }

    /** The JSON body alone, for servers outside the servlet stack (delivery's media edge). */
    public static String body(int status, String title, String detail) {
        return "{\"type\":\"about:blank\",\"title\":" + json(title) + ",\"status\":" + status + ",\"detail\":"
                + json(detail) + "}";
    }

    static String json(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '<' -> out.append("\\u003c");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
