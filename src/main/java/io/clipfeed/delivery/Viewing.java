package io.clipfeed.delivery;

import java.util.Optional;

import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoAccess;
import io.clipfeed.catalog.VideoStatus;
import io.clipfeed.platform.CurrentUser;

/**
 * How catalog's visibility rule ({@link VideoAccess}, the only one) shapes media links: a video anyone may see gets
 * links for anyone; any other gets links bound to the viewer who asked, so a link copied out of a creator's or a
 * moderator's play info plays for nobody else.
 */
final class Viewing {

    private Viewing() {
    }

    /** The viewer a video's URLs are bound to; empty (anyone) when anyone may see it. */
    static String boundViewer(Video video, Optional<CurrentUser> viewer) {
        return VideoAccess.isOpen(video) ? "" : viewer.map(CurrentUser::id).orElse("");
    }

    /**
     * Has media to play: playable or published, or rejected (its media is kept for a reinstatement, and its
     * creator and staff, the only ones {@link VideoAccess} lets see it, need to watch it to appeal or review).
     */
    static boolean hasMedia(Video video) {
        return video.isPlayable() || video.status() == VideoStatus.REJECTED;
    }
}
