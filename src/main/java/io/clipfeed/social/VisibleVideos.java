package io.clipfeed.social;

import org.springframework.stereotype.Component;

import io.clipfeed.catalog.Catalog;
import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoAccess;
import io.clipfeed.platform.ApiProblem;
import io.clipfeed.platform.CurrentUser;
import io.clipfeed.platform.CurrentUsers;
import io.clipfeed.platform.Ids;

/** Videos the caller may see; everything else answers 404 so a private video's existence does not leak. */
@Component
class VisibleVideos {

    private final Catalog catalog;

    VisibleVideos(Catalog catalog) {
        this.catalog = catalog;
    }

    Video require(String videoId) {
        Ids.requireWellFormed(videoId, "video");
        CurrentUser viewer = CurrentUsers.current().orElse(null);
        return catalog.find(videoId).filter(v -> VideoAccess.canView(v, viewer))
                .orElseThrow(() -> ApiProblem.notFound("No video has this id."));
    }

    boolean canView(String videoId, CurrentUser viewer) {
        return catalog.find(videoId).filter(v -> VideoAccess.canView(v, viewer)).isPresent();
    }
}
