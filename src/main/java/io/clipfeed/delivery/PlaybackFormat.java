package io.clipfeed.delivery;

import java.time.Duration;

import io.clipfeed.catalog.RenditionKind;
import io.clipfeed.catalog.Video;

/**
 * Progressive MP4 or adaptive HLS (pure). A short clip starts fastest as one MP4 whose first second is preloaded;
 * a long clip as HLS, because a viewer who swipes away early would otherwise have downloaded far ahead for nothing,
 * and a poor network (2g/3g class, Save-Data) needs the bitrate to adapt while it plays.
 */
final class PlaybackFormat {

    /** The advice is named as the rendition kind to start with. */
    static final String MP4 = RenditionKind.MP4.wireName();
    static final String HLS = RenditionKind.HLS.wireName();

    private PlaybackFormat() {
    }

    static String advise(Video video, PlaybackHints hints, Duration hlsAbove, boolean hasMp4, boolean hasHls) {
        if (!hasHls) {
            return MP4;
        }
        if (!hasMp4) {
            return HLS;
        }
        boolean poorNetwork = hints.saveData() || RenditionChoice.NetworkCap.of(hints.net()).isPoor();
        boolean longClip = video.durationMs() != null && video.durationMs() > hlsAbove.toMillis();
        return poorNetwork || longClip ? HLS : MP4;
    }
}
