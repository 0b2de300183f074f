package io.clipfeed.social;

import java.util.Locale;

/**
 * The picture of a user who has not uploaded one: their initial on a colour derived from their id, as SVG. The
 * username is escaped for XML: the file is served from Clipfeed's origin, so markup in it must never be live.
 */
final class AvatarDefault {

    private AvatarDefault() {
    }

    static String svg(String userId, String username) {
        int hue = Math.floorMod(userId.hashCode(), 360);
        return ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"256\" height=\"256\" viewBox=\"0 0 256 256\""
                + " role=\"img\" aria-label=\"%s\"><title>%s</title>"
                + "<rect width=\"256\" height=\"256\" fill=\"hsl(%d,55%%,42%%)\"/>"
                + "<text x=\"128\" y=\"128\" dy=\".35em\" text-anchor=\"middle\" font-family=\"system-ui,sans-serif\""
                + " font-size=\"128\" font-weight=\"600\" fill=\"#fff\">%s</text></svg>")
                .formatted(escape(username), escape(username), hue, escape(initial(username)));
    }

    static String initial(String username) {
        String name = username.strip();
        if (name.isEmpty()) {
            return "?";
        }
        return name.substring(0, name.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    // characters XML 1.0 forbids (controls) are dropped rather than breaking the document
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
