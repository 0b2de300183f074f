package io.clipfeed.storage;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Content types arrive from clients (tus metadata); stored ones must be plain {@code type/subtype} tokens of
 * bounded length, so anything else is recorded as the neutral {@code application/octet-stream}.
 */
final class ContentTypes {

    static final String UNKNOWN = "application/octet-stream";
    private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}");

    private ContentTypes() {
    }

    static String normalize(String contentType) {
        if (contentType == null) {
            return UNKNOWN;
        }
        int parameters = contentType.indexOf(';');
        String bare = (parameters >= 0 ? contentType.substring(0, parameters) : contentType).trim()
                .toLowerCase(Locale.ROOT);
        return TYPE.matcher(bare).matches() ? bare : UNKNOWN;
    }
}
