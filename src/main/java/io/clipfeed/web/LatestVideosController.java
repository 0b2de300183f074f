package io.clipfeed.web;

import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.clipfeed.catalog.Catalog;
import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoCard;
import io.clipfeed.catalog.VideoCards;
import io.clipfeed.catalog.VideoPage;
import io.clipfeed.catalog.VideoStatus;
import io.clipfeed.catalog.Visibility;
import io.clipfeed.delivery.PlayInfo;
import io.clipfeed.delivery.PlaybackHints;
import io.clipfeed.delivery.PlaybackUrls;
import io.clipfeed.platform.ApiProblem;
import io.clipfeed.platform.CurrentUsers;

/**
 * The web client's home list until the feed module serves {@code /api/v1/feed/for-you}: the newest published,
 * public videos, in the feed's item shape ({@code {items:[{video, play, reason}], nextCursor}}) so the page needs
 * no change when the real feed arrives. {@code play} is the viewer's {@link PlayInfo}, chosen from the same hints
 * as {@code /api/v1/videos/{id}/play} takes, so the player starts (and preloads) without another round trip.
 */
@RestController
class LatestVideosController {

    static final String REASON = "latest";

    record Item(VideoCard video, PlayInfo play, String reason) {
    }

    record Page(List<Item> items, String nextCursor) {
    }

    private final Catalog catalog;
    private final VideoCards cards;
    private final PlaybackUrls urls;

    LatestVideosController(Catalog catalog, VideoCards cards, PlaybackUrls urls) {
        this.catalog = catalog;
        this.cards = cards;
        this.urls = urls;
    }

    @GetMapping("/api/v1/web/latest")
    ResponseEntity<Page> latest(@RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "20") int limit, @RequestParam(required = false) String codecs,
            @RequestParam(required = false) String maxHeight, @RequestParam(required = false) String net,
            @RequestHeader(name = "Save-Data", required = false) String saveData) {
        if (limit < 1 || limit > 50) {
            throw ApiProblem.badRequest("limit must be between 1 and 50.");
        }
        if (cursor != null && cursor.length() > 200) {
            throw ApiProblem.badRequest("The cursor is not valid; start again without it.");
        }
        VideoPage page;
        try {
            page = catalog.byStatus(VideoStatus.PUBLISHED, cursor, limit);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("The cursor is not valid; start again without it.");
        }
        PlaybackHints hints = PlaybackHints.parse(codecs, height(maxHeight), net, saveData);
        List<Item> items = page.items().stream().filter(v -> v.visibility() == Visibility.PUBLIC)
                .map(v -> item(v, hints)).toList();
        // the inline play URLs are signed per viewer and expire: never cache the list
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Vary", "Save-Data")
                .body(new Page(items, page.nextCursor()));
    }

    private Item item(Video v, PlaybackHints hints) {
        PlayInfo play = urls.playInfo(v, CurrentUsers.current(), hints).orElse(null);
        return new Item(cards.card(v), play, REASON);
    }

    private static Integer height(String value) {
        return value != null && value.matches("[0-9]{1,5}") ? Integer.valueOf(value) : null;
    }
}
