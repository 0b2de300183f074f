package io.clipfeed.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@code multipart/byteranges} body strictly as RFC 9110 §14.6 and RFC 2046 lay it out: the boundary from
 * the Content-Type, then per part its header lines, a blank line and exactly the bytes its Content-Range names,
 * and after the last part the closing delimiter with nothing but a line break after it.
 */
final class MultipartParts {

    record Part(Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private MultipartParts() {
    }

    static List<Part> of(RawHttp.Response response) {
        String type = response.header("Content-Type");
        assertThat(type).startsWith("multipart/byteranges; boundary=");
        byte[] delimiter = ("--" + type.substring(type.indexOf("boundary=") + 9)).getBytes(StandardCharsets.US_ASCII);
        byte[] raw = response.body();
        List<Part> parts = new ArrayList<>();
        int at = 0;
        while (true) {
            assertThat(Arrays.copyOfRange(raw, at, at + delimiter.length)).as("delimiter at %d", at).isEqualTo(delimiter);
            at += delimiter.length;
            if (raw[at] == '-' && raw[at + 1] == '-') {
                assertThat(Arrays.copyOfRange(raw, at + 2, raw.length)).as("nothing after the close")
                        .isEqualTo("\r\n".getBytes(StandardCharsets.US_ASCII));
                return parts;
            }
            at += 2; // CRLF after the delimiter
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = line(raw, at); !line.isEmpty(); line = line(raw, at)) {
                at += line.length() + 2;
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            at += 2; // the blank line
            String[] range = headers.get("content-range").replace("bytes ", "").split("[-/]");
            int size = (int) (Long.parseLong(range[1]) - Long.parseLong(range[0]) + 1);
            parts.add(new Part(headers, Arrays.copyOfRange(raw, at, at + size)));
            at += size;
            assertThat(new String(raw, at, 2, StandardCharsets.US_ASCII)).as("line break after a part").isEqualTo("\r\n");
            at += 2;
        }
    }

    private static String line(byte[] raw, int from) {
        int end = from;
        while (!(raw[end] == '\r' && raw[end + 1] == '\n')) {
            end++;
        }
        return new String(raw, from, end - from, StandardCharsets.US_ASCII);
    }
}
