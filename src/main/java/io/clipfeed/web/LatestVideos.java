package io.clipfeed.web;

import java.util.List;

import org.springframework.stereotype.Component;

import io.clipfeed.catalog.Catalog;
import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoAccess;
import io.clipfeed.catalog.VideoCard;
import io.clipfeed.catalog.VideoCards;
import io.clipfeed.catalog.VideoPage;
import io.clipfeed.catalog.VideoStatus;
import io.clipfeed.delivery.PlayInfo;
import io.clipfeed.delivery.PlaybackHints;
import io.clipfeed.delivery.PlaybackUrls;
import io.clipfeed.platform.CurrentUsers;

/**
 * The newest published, public videos in the feed's item shape ({@code {items:[{video, play, reason}],
 * nextCursor}}), {@code play} being the caller's {@link PlayInfo}: the home page's list when For You has nothing,
 * and a predictable order for tests ({@code ?feed=latest}).
 */
@Component
class LatestVideos {

    static final String REASON = "latest";

    record Item(VideoCard video, PlayInfo play, String reason) {
    }

    record Page(List<Item> items, String nextCursor) {
    }

    private final Catalog catalog;
    private final VideoCards cards;
    private final PlaybackUrls urls;

    LatestVideos(Catalog catalog, VideoCards cards, PlaybackUrls urls) {
        this.catalog = catalog;
        this.cards = cards;
        this.urls = urls;
    }

    /** A malformed cursor is a 400 problem ({@code platform.PageCursor}). */
    Page page(String cursor, int limit, PlaybackHints hints) {
        VideoPage page = catalog.byStatus(VideoStatus.PUBLISHED, cursor, limit);
        List<Item> items = page.items().stream().filter(VideoAccess::isListed)
                .map(v -> item(v, hints)).toList();
        return new Page(items, page.nextCursor());
    }

    private Item item(Video v, PlaybackHints hints) {
        PlayInfo play = urls.playInfo(v, CurrentUsers.current(), hints).orElse(null);
        return new Item(cards.card(v), play, REASON);
    }
}
