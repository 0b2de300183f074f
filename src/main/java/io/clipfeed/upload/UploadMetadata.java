package io.clipfeed.upload;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.clipfeed.catalog.Visibility;
import io.clipfeed.platform.ApiProblem;

/**
 * The validated, bounded facts a client sends in {@code Upload-Metadata}: {@code filename}, {@code filetype},
 * {@code title}, {@code description} and optionally {@code visibility}. Other keys are kept in the raw header
 * (echoed on HEAD as tus requires) but not interpreted.
 */
public record UploadMetadata(String filename, String filetype, String title, String description,
        Visibility visibility, String raw) {

    static final int MAX_FILENAME = 255;
    static final int MAX_FILETYPE = 100;
    static final int MAX_TITLE = 150;
    static final int MAX_DESCRIPTION = 2200;
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9!#$&^_.+-]{0,63}/"
            + "[a-zA-Z0-9][a-zA-Z0-9!#$&^_.+-]{0,63}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\r\\t]]");

    public static UploadMetadata none() {
        return new UploadMetadata(null, null, null, null, Visibility.PUBLIC, null);
    }

    /** Validates decoded metadata values; a bad value is a 400 naming the key. */
    public static UploadMetadata of(Map<String, String> values, String raw) {
        String filename = singleLine(values.get("filename"), "filename", MAX_FILENAME);
        String filetype = values.get("filetype");
        if (filetype != null && !filetype.isEmpty() && !MEDIA_TYPE.matcher(filetype).matches()) {
            throw ApiProblem.badRequest("Metadata 'filetype' is not a media type such as video/mp4.");
        }
        String title = singleLine(values.get("title"), "title", MAX_TITLE);
        String description = text(values.get("description"), "description", MAX_DESCRIPTION);
        return new UploadMetadata(filename, blankToNull(filetype), title, description,
                visibility(values.get("visibility")), raw);
    }

    /** The title the video starts with: the given one, else the file name without its extension. */
    public String effectiveTitle() {
        if (title != null && !title.isBlank()) {
            return title.strip();
        }
        if (filename != null && !filename.isBlank()) {
            int dot = filename.lastIndexOf('.');
            String base = dot > 0 ? filename.substring(0, dot) : filename;
            return base.length() > MAX_TITLE ? base.substring(0, MAX_TITLE) : base;
        }
        return "Untitled";
    }

    /** The media type the stored blob carries. */
    public String contentType() {
        return filetype != null ? filetype.toLowerCase(Locale.ROOT) : "application/octet-stream";
    }

    private static String singleLine(String value, String key, int max) {
        String v = text(value, key, max);
        if (v != null && (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0)) {
            throw ApiProblem.badRequest("Metadata '" + key + "' must be a single line.");
        }
        return v;
    }

    private static String text(String value, String key, int max) {
        if (value == null) {
            return null;
        }
        if (value.codePointCount(0, value.length()) > max) {
            throw ApiProblem.badRequest("Metadata '" + key + "' is longer than " + max + " characters.");
        }
        if (CONTROL.matcher(value).find()) {
            throw ApiProblem.badRequest("Metadata '" + key + "' contains control characters.");
        }
        return blankToNull(value);
    }

    private static Visibility visibility(String value) {
        if (value == null || value.isBlank()) {
            return Visibility.PUBLIC;
        }
        try {
            return Visibility.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("Metadata 'visibility' must be public, unlisted or private.");
        }
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v;
    }
}
