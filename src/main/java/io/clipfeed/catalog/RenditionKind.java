package io.clipfeed.catalog;

import java.util.Arrays;

/**
 * What a stored rendition is, and the one place its name on the wire and in the database is written. The name is
 * part of the API ({@code renditions[].kind}) and of stored rows, so a kind is renamed only with a migration.
 */
public enum RenditionKind {

    /** A progressive, faststart MP4 with sound: what a short clip plays. */
    MP4("mp4"),
    /** An HLS master playlist of fMP4 variants: adaptive playback for long clips and poor networks. */
    HLS("hls"),
    /** A video-only copy of the phone-sized H.264 rung, for muted starts (never played with sound). */
    STARTER("starter");

    private final String wireName;

    RenditionKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static RenditionKind of(String wireName) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown rendition kind: " + wireName));
    }
}
