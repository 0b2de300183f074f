package io.clipfeed.catalog;

/** Cleaning and bounding of the free text that arrives with a video (upload metadata, filenames). */
final class VideoTexts {

    private VideoTexts() {
    }

    static String titleFrom(String filename) {
        if (filename == null) {
            return "";
        }
        String base = filename.replaceAll(".*[/\\\\]", "");
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }

    /** Cuts to at most {@code max} code points and drops control characters other than line breaks. */
    static String bound(String s, int max) {
        String clean = s.replaceAll("[\\p{Cc}&&[^\\n\\t]]", "");
        return clean.codePointCount(0, clean.length()) <= max ? clean
                : clean.substring(0, clean.offsetByCodePoints(0, max));
    }
}
