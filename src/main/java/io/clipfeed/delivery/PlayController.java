package io.clipfeed.delivery;

import java.util.Optional;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.clipfeed.catalog.Catalog;
import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoAccess;
import io.clipfeed.catalog.VideoStatus;
import io.clipfeed.platform.ApiProblem;
import io.clipfeed.platform.CurrentUser;
import io.clipfeed.platform.CurrentUsers;
import io.clipfeed.platform.Ids;

/**
 * {@code GET /api/v1/videos/{id}/play?codecs=avc1,hvc1&maxHeight=720&net=4g} (plus the {@code Save-Data} header):
 * the {@link PlayInfo} for the caller. A video the caller may not see ({@link VideoAccess}: unknown, deleted, or
 * private, unpublished or rejected and not theirs) is a 404; one they may see that cannot play yet is a 409 saying
 * why.
 */
@RestController
class PlayController {

    private final Catalog catalog;
    private final PlaybackUrls urls;

    PlayController(Catalog catalog, PlaybackUrls urls) {
        this.catalog = catalog;
        this.urls = urls;
    }

    @GetMapping("/api/v1/videos/{id}/play")
    ResponseEntity<PlayInfo> play(@PathVariable String id, @RequestParam(required = false) String codecs,
            @RequestParam(required = false) String maxHeight, @RequestParam(required = false) String net,
            @RequestHeader(name = "Save-Data", required = false) String saveData) {
        Optional<CurrentUser> viewer = CurrentUsers.current();
        Video video = catalog.find(Ids.requireWellFormed(id, "video"))
                .filter(v -> VideoAccess.canView(v, viewer))
                .orElseThrow(() -> ApiProblem.notFound("No video has this id."));
        PlaybackHints hints = PlaybackHints.parse(codecs, height(maxHeight), net, saveData);
        PlayInfo info = urls.playInfo(video, viewer, hints).orElseThrow(() -> notPlayable(video));
        // signed URLs are personal (bound to a viewer for private videos) and short-lived
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Vary", "Save-Data").body(info);
    }

    private static Integer height(String value) {
        return value != null && value.matches("[0-9]{1,5}") ? Integer.valueOf(value) : null;
    }

    private static ApiProblem notPlayable(Video video) {
        if (video.status() == VideoStatus.FAILED) {
            return ApiProblem.conflict("This video could not be processed"
                    + (video.statusReason() == null ? "." : ": " + video.statusReason()))
                    .with("videoStatus", video.status().name());
        }
        if (Viewing.hasMedia(video)) {
            return ApiProblem.conflict("None of this video's renditions can be decoded with the codecs listed.")
                    .with("videoStatus", video.status().name());
        }
        return ApiProblem.conflict("This video is not playable yet; it is still being uploaded or processed.")
                .with("videoStatus", video.status().name()).with("progress", video.progress());
    }
}
