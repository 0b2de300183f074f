package io.clipfeed.delivery;

import java.util.Optional;

import io.clipfeed.catalog.Video;
import io.clipfeed.platform.CurrentUser;

/**
 * Delivery's façade: how a viewer plays a video, with signed URLs. The feed inlines this in every item so the
 * client can preload before the viewer swipes.
 */
public interface PlaybackUrls {

    /**
     * The play info for this viewer (empty for anonymous viewers), or empty when the video is not (or no longer)
     * playable or the viewer may not watch it (a private video of someone else).
     */
    Optional<PlayInfo> playInfo(Video video, Optional<CurrentUser> viewer, PlaybackHints hints);
}
