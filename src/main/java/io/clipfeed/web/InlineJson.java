package io.clipfeed.web;

/**
 * JSON made safe to place inside an HTML {@code <script type="application/json">} element (pure). The only way out
 * of such an element is the text {@code </script}, and the HTML parser also reacts to {@code <!--}; user text
 * (titles, names) can contain both. Every {@code <}, {@code >} and {@code &} is therefore written as a JSON
 * unicode escape, which still parses to the same value; U+2028 and U+2029 are escaped too, so the text stays valid
 * even where it is read as JavaScript rather than JSON.
 */
final class InlineJson {

    private InlineJson() {
    }

    static String escape(String json) {
        StringBuilder out = new StringBuilder(json.length() + 64);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
