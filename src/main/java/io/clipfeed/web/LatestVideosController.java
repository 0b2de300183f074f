package io.clipfeed.web;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.clipfeed.delivery.PlaybackHints;
import io.clipfeed.platform.ApiProblem;

/**
 * {@code GET /api/v1/web/latest}: {@link LatestVideos} over HTTP, the web client's home list when For You is not
 * deployed, with the same playback hints as {@code /api/v1/videos/{id}/play} takes, so the player starts (and
 * preloads) without another round trip.
 */
@RestController
class LatestVideosController {

    private final LatestVideos latest;

    LatestVideosController(LatestVideos latest) {
        this.latest = latest;
    }

    @GetMapping("/api/v1/web/latest")
    ResponseEntity<LatestVideos.Page> latest(@RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "20") int limit, @RequestParam(required = false) String codecs,
            @RequestParam(required = false) String maxHeight, @RequestParam(required = false) String net,
            @RequestHeader(name = "Save-Data", required = false) String saveData) {
        if (limit < 1 || limit > 50) {
            throw ApiProblem.badRequest("limit must be between 1 and 50.");
        }
        PlaybackHints hints = PlaybackHints.parse(codecs, height(maxHeight), net, saveData);
        // a malformed or oversized cursor is the cursor codec's 400 problem (platform.PageCursor)
        LatestVideos.Page page = latest.page(cursor, limit, hints);
        // the inline play URLs are signed per viewer and expire: never cache the list
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Vary", "Save-Data").body(page);
    }

    private static Integer height(String value) {
        return value != null && value.matches("[0-9]{1,5}") ? Integer.valueOf(value) : null;
    }
}
