package io.clipfeed.catalog;

import java.util.Optional;

import io.clipfeed.platform.CurrentUser;

/**
 * Who may see a video: the one rule every route that reveals a video, its media or its place in a list asks (the
 * video API, play info, media links on both listeners, share pages, comments, likes, shares, feeds, search and
 * profiles). Its creator and staff see everything but deleted videos; everyone else sees only published videos
 * that are public or unlisted (unlisted ones are reachable by id, never listed). So a video waiting for review
 * (PLAYABLE under pre-moderation), still processing, private or rejected is seen by its creator and staff alone.
 * Callers answer 404 (not 403) when this is false, so a hidden video's existence is not leaked.
 */
public final class VideoAccess {

    private VideoAccess() {
    }

    /** {@code viewer} is null for an anonymous request. */
    public static boolean canView(Video video, CurrentUser viewer) {
        if (video.status() == VideoStatus.DELETED) {
            return false;
        }
        if (viewer != null && viewer.mayManage(video.creatorId())) {
            return true;
        }
        return isOpen(video);
    }

    public static boolean canView(Video video, Optional<CurrentUser> viewer) {
        return canView(video, viewer.orElse(null));
    }

    /**
     * Seen by anyone, signed in or not: what a link that names no viewer (a share page, an embed, a media URL
     * signed for anyone, the media edge, which knows no sessions) may show.
     */
    public static boolean isOpen(Video video) {
        return video.status() == VideoStatus.PUBLISHED && video.visibility() != Visibility.PRIVATE;
    }

    /** Listed in feeds, searches and a creator's public profile. */
    public static boolean isListed(Video video) {
        return video.status() == VideoStatus.PUBLISHED && video.visibility() == Visibility.PUBLIC;
    }

    /**
     * Listed for this viewer (a user's liked videos): listed videos, and to their creator and staff the videos
     * they may see, as a creator's own profile grid shows them.
     */
    public static boolean isListedFor(Video video, CurrentUser viewer) {
        return isListed(video) || (viewer != null && viewer.mayManage(video.creatorId()) && canView(video, viewer));
    }
}
