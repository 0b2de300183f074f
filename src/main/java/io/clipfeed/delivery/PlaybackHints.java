package io.clipfeed.delivery;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a client tells about itself when asking how to play: the codec families it decodes ({@code avc1},
 * {@code hvc1}, {@code av01}, {@code vp09}), the tallest picture worth sending, its network class
 * ({@code slow-2g}, {@code 2g}, {@code 3g}, {@code 4g}, {@code wifi}, ...) and whether it asked to save data.
 * Without a codec list only H.264 is assumed: a client is never handed a codec it did not name.
 */
public record PlaybackHints(Set<String> codecs, Integer maxHeight, String net, boolean saveData) {

    public static final PlaybackHints DEFAULT = new PlaybackHints(Set.of(Codecs.AVC), null, null, false);
    private static final int MAX_CODECS = 8;

    public PlaybackHints {
        codecs = Set.copyOf(codecs);
    }

    /**
     * Reads the hints from request values; anything unknown or out of bounds is dropped rather than refused, so an
     * odd client still gets something it can play.
     */
    public static PlaybackHints parse(String codecs, Integer maxHeight, String net, String saveDataHeader) {
        Set<String> families = new LinkedHashSet<>();
        if (codecs != null && codecs.length() <= 256) {
            for (String codec : codecs.split(",")) {
                Codecs.family(codec.trim()).ifPresent(families::add);
                if (families.size() >= MAX_CODECS) {
                    break;
                }
            }
        }
        if (families.isEmpty()) {
            families.add(Codecs.AVC);
        }
        Integer height = maxHeight != null && maxHeight >= 100 && maxHeight <= 8640 ? maxHeight : null;
        String network = net != null && net.matches("[A-Za-z0-9-]{1,16}") ? net.toLowerCase(Locale.ROOT) : null;
        boolean saveData = saveDataHeader != null && saveDataHeader.trim().equalsIgnoreCase("on");
        return new PlaybackHints(families, height, network, saveData);
    }
}
