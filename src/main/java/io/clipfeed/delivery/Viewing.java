package io.clipfeed.delivery;

import java.util.Optional;

import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoStatus;
import io.clipfeed.catalog.Visibility;
import io.clipfeed.platform.CurrentUser;

/** Who may watch what: the rule shared by play info and media requests. */
final class Viewing {

    private Viewing() {
    }

    static boolean isRemoved(Video video) {
        return video.status() == VideoStatus.DELETED || video.status() == VideoStatus.REJECTED;
    }

    /** Private videos are seen by their creator and staff only; removed videos by nobody. */
    static boolean maySee(Video video, Optional<CurrentUser> viewer) {
        if (isRemoved(video)) {
            return false;
        }
        return video.visibility() != Visibility.PRIVATE
                || viewer.map(v -> v.mayManage(video.creatorId())).orElse(false);
    }

    /** The viewer a private video's URLs are bound to; empty (anyone) otherwise. */
    static String boundViewer(Video video, Optional<CurrentUser> viewer) {
        return video.visibility() == Visibility.PRIVATE ? viewer.map(CurrentUser::id).orElse("") : "";
    }
}
