package io.clipfeed.web;

import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.clipfeed.catalog.Catalog;
import io.clipfeed.catalog.PlaybackLinks;
import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoPage;
import io.clipfeed.catalog.VideoStatus;
import io.clipfeed.catalog.Visibility;
import io.clipfeed.identity.Account;
import io.clipfeed.identity.Accounts;
import io.clipfeed.platform.ApiProblem;

/**
 * The web client's home list until the feed module serves {@code /api/v1/feed/for-you}: the newest published,
 * public videos, in the feed's item shape ({@code {items:[{video}], nextCursor}}) so the page needs no change when
 * the real feed arrives.
 */
@RestController
class LatestVideosController {

    record Creator(String id, String username) {
    }

    record Card(String id, String title, Creator creator, Long durationMs, Integer width, Integer height,
            String coverUrl) {
    }

    record Item(Card video) {
    }

    record Page(List<Item> items, String nextCursor) {
    }

    private final Catalog catalog;
    private final Accounts accounts;
    private final ObjectProvider<PlaybackLinks> links;

    LatestVideosController(Catalog catalog, Accounts accounts, ObjectProvider<PlaybackLinks> links) {
        this.catalog = catalog;
        this.accounts = accounts;
        this.links = links;
    }

    @GetMapping("/api/v1/web/latest")
    Page latest(@RequestParam(required = false) String cursor, @RequestParam(defaultValue = "20") int limit) {
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
        List<Item> items = page.items().stream().filter(v -> v.visibility() == Visibility.PUBLIC)
                .map(v -> new Item(card(v))).toList();
        return new Page(items, page.nextCursor());
    }

    private Card card(Video v) {
        Creator creator = accounts.find(v.creatorId()).map(LatestVideosController::creator)
                .orElse(new Creator(v.creatorId(), null));
        String cover = Optional.ofNullable(links.getIfAvailable()).flatMap(l -> l.coverUrl(v)).orElse(null);
        return new Card(v.id(), v.title(), creator, v.durationMs(), v.width(), v.height(), cover);
    }

    private static Creator creator(Account a) {
        return new Creator(a.id(), a.username());
    }
}
