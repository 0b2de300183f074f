package io.clipfeed.catalog;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hashtags from a description: {@code #} followed by unicode letters, marks, digits or {@code _}, not glued to a
 * preceding word (so {@code a#b} and URLs' fragments are not tags). Lower-cased, de-duplicated in order of first
 * appearance, at most {@link #MAX_TAGS} tags of at most {@link #MAX_LENGTH} characters (longer ones are ignored
 * rather than cut, since a cut tag would name a different topic).
 */
final class Hashtags {

    static final int MAX_TAGS = 20;
    static final int MAX_LENGTH = 50;
    private static final Pattern TAG = Pattern.compile("(?<![\\p{L}\\p{M}\\p{N}_#&/])#([\\p{L}\\p{M}\\p{N}_]+)");

    private Hashtags() {
    }

    static List<String> parse(String description) {
        if (description == null || description.isEmpty()) {
            return List.of();
        }
        Set<String> tags = new LinkedHashSet<>();
        Matcher m = TAG.matcher(description);
        while (m.find() && tags.size() < MAX_TAGS) {
            String tag = m.group(1).toLowerCase(Locale.ROOT);
            if (tag.codePointCount(0, tag.length()) <= MAX_LENGTH) {
                tags.add(tag);
            }
        }
        return List.copyOf(tags);
    }
}
