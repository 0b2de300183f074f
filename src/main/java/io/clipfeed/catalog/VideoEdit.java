package io.clipfeed.catalog;

/**
 * A creator's (or moderator's) change to a video's text and visibility; a null field stays as it is. Lengths are
 * bounded here so every caller gets the same limits.
 */
public record VideoEdit(String title, String description, Visibility visibility) {

    public static final int MAX_TITLE = 150;
    public static final int MAX_DESCRIPTION = 2200;

    public VideoEdit {
        if (title != null && title.codePointCount(0, title.length()) > MAX_TITLE) {
            throw new IllegalArgumentException("A title has at most " + MAX_TITLE + " characters.");
        }
        if (description != null && description.codePointCount(0, description.length()) > MAX_DESCRIPTION) {
            throw new IllegalArgumentException("A description has at most " + MAX_DESCRIPTION + " characters.");
        }
    }
}
