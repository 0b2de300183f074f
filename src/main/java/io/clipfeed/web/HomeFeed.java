package io.clipfeed.web;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.clipfeed.delivery.PlayInfo;
import io.clipfeed.delivery.PlaybackHints;
import io.clipfeed.feed.FeedPage;
import io.clipfeed.feed.ForYouPages;
import io.clipfeed.platform.CurrentUsers;
import tools.jackson.databind.ObjectMapper;

/**
 * The first page of the home feed as the home page inlines it: For You (or, with {@code ?feed=latest} or without
 * the feed module, the latest list), serialised exactly as its endpoint answers, plus the facts the page's markup
 * needs about the first video. The client takes the page from the HTML instead of asking for it, and asks
 * {@code source} for the next pages with the page's cursor.
 */
@Component
class HomeFeed {

    static final String FOR_YOU = "/api/v1/feed/for-you";
    static final String LATEST = "/api/v1/web/latest";
    static final int LATEST_PAGE = 20;
    private static final Logger log = LoggerFactory.getLogger(HomeFeed.class);

    /** What the page is built from: the JSON to inline and the first video's id, play info and start rendition. */
    record First(String json, String videoId, PlayInfo play, Optional<FirstVideo> video) {
        First withoutStarter() {
            return new First(json, videoId, play, video.map(FirstVideo::withoutStarter));
        }
    }

    record Inline(Feed feed, String session) {
    }

    record Feed(String source, Object page) {
    }

    private final ObjectProvider<ForYouPages> forYou;
    private final LatestVideos latest;
    private final ObjectMapper json;

    HomeFeed(ObjectProvider<ForYouPages> forYou, LatestVideos latest, ObjectMapper json) {
        this.forYou = forYou;
        this.latest = latest;
        this.json = json;
    }

    /**
     * The inline data, or empty when it cannot be had: the page then loads its feed as before, so a failure here
     * costs a round trip, never the page.
     */
    Optional<First> first(boolean latestOnly, Integer limit, PlaybackHints hints, String session) {
        try {
            ForYouPages ranked = latestOnly ? null : forYou.getIfAvailable();
            Feed feed;
            List<Entry> entries;
            if (ranked != null) {
                FeedPage page = ranked.firstPage(CurrentUsers.current(), session, hints, limit);
                feed = new Feed(FOR_YOU, page);
                entries = page.items().stream().map(i -> new Entry(i.video().id(), i.play())).toList();
            } else {
                LatestVideos.Page page = latest.page(null, limit == null ? LATEST_PAGE : limit, hints);
                feed = new Feed(LATEST, page);
                entries = page.items().stream().map(i -> new Entry(i.video().id(), i.play())).toList();
            }
            String inline = InlineJson.escape(json.writeValueAsString(new Inline(feed, session)));
            Entry first = entries.stream().filter(e -> e.play() != null).findFirst().orElse(null);
            return Optional.of(first == null ? new First(inline, null, null, Optional.empty())
                    : new First(inline, first.id(), first.play(), FirstVideo.of(first.play())));
        } catch (RuntimeException e) {
            log.warn("home page without its inline feed: {}", e.toString());
            return Optional.empty();
        }
    }

    private record Entry(String id, PlayInfo play) {
    }
}
