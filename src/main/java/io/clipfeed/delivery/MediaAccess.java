package io.clipfeed.delivery;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoAccess;
import io.clipfeed.catalog.VideoStatus;
import io.clipfeed.catalog.Visibility;
import io.clipfeed.platform.ApiProblem;
import io.clipfeed.platform.CurrentUser;

/**
 * Decides whether a media request may be served: a valid, unexpired signature; a video that whoever the link was
 * signed for may still see under catalog's rule ({@link VideoAccess}) — checked on every request, through a cache
 * of at most half a second — so a link signed for anyone serves only while the video is open to anyone (published,
 * not private), and a link bound to a viewer only to that viewer while they may see it; and a blob that belongs to
 * the video.
 */
@Component
class MediaAccess {

    private final MediaSigner signer;
    private final ServableVideos videos;
    private final Clock clock;

    MediaAccess(MediaSigner signer, ServableVideos videos, Clock clock) {
        this.signer = signer;
        this.videos = videos;
        this.clock = clock;
    }

    /** Returns the video when the request may be served; otherwise throws the problem to answer with. */
    Video check(MediaPath path, Optional<CurrentUser> viewer) {
        if (path.expires() < clock.instant().getEpochSecond()) {
            throw ApiProblem.forbidden("This media link has expired. Ask for the video's play info again.");
        }
        // the signature is checked before any lookup, so unsigned requests never reach the database
        boolean forAnyone = signer.verify(path.videoId(), path.expires(), "", path.signature());
        boolean forViewer = !forAnyone && viewer.isPresent()
                && signer.verify(path.videoId(), path.expires(), viewer.get().id(), path.signature());
        if (!forAnyone && !forViewer) {
            throw ApiProblem.forbidden("This media link is not valid: its signature does not match.");
        }
        Video video = videos.find(path.videoId())
                .orElseThrow(() -> ApiProblem.notFound("No video has this id."));
        // the link's own viewer (nobody, for a link signed for anyone) must still be allowed to see the video
        if (!VideoAccess.canView(video, forViewer ? viewer.get() : null)) {
            throw refusal(video);
        }
        if (!videos.hasAsset(video.id(), path.sha256())) {
            throw ApiProblem.notFound("This video has no such file.");
        }
        return video;
    }

    private static ApiProblem refusal(Video video) {
        if (video.status() == VideoStatus.DELETED || video.status() == VideoStatus.REJECTED) {
            return ApiProblem.gone("This video has been removed.");
        }
        if (video.visibility() == Visibility.PRIVATE) {
            return ApiProblem.forbidden("This video is private.");
        }
        return ApiProblem.forbidden("This video is not public yet. Ask for its play info again, signed in.");
    }
}
