package io.clipfeed.catalog;

import io.clipfeed.platform.CurrentUser;

/**
 * Who may see a video. Its creator and staff see everything but deleted videos; everyone else sees only published
 * videos that are public or unlisted (unlisted ones are reachable by id, never listed). Callers answer 404 (not
 * 403) when this is false, so a private video's existence is not leaked.
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
        return video.status() == VideoStatus.PUBLISHED && video.visibility() != Visibility.PRIVATE;
    }

    /** Listed in feeds, searches and a creator's public profile. */
    public static boolean isListed(Video video) {
        return video.status() == VideoStatus.PUBLISHED && video.visibility() == Visibility.PUBLIC;
    }
}
