package io.clipfeed.feed;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import io.clipfeed.catalog.Catalog;
import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoAccess;
import io.clipfeed.catalog.VideoPage;
import io.clipfeed.catalog.VideoStatus;

/**
 * Fills the model from the feed's tables. The listed videos, follows and blocks are read before the server takes
 * requests (first start: lists the catalog's published videos); the interaction log, by far the largest table, is
 * learnt in the background, so a restart serves at once: until the log is learnt every viewer gets the shared,
 * non-personalised For You (trending from the part of the log learnt so far, new and newest videos), rebuilt at
 * every refresh. The precomputed lists are rebuilt every {@code refresh-interval} off the request path.
 */
@Component
class FeedLoader implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FeedLoader.class);

    private final FeedRows rows;
    private final FeedModel model;
    private final ForYouLists forYou;
    private final Catalog catalog;
    private final Clock clock;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "feed-refresh");
        t.setDaemon(true);
        return t;
    });
    private volatile Thread loader;

    FeedLoader(FeedRows rows, FeedModel model, ForYouLists forYou, Catalog catalog, Clock clock) {
        this.rows = rows;
        this.model = model;
        this.forYou = forYou;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        long start = System.nanoTime();
        rows.forEachListing(model.shelf()::list);
        if (model.shelf().size() == 0) {
            listPublished();
        }
        rows.forEachFollow(model.graph());
        rows.forEachBlock(model.graph());
        refresh();
        log.info("Feed lists ready: {} listed videos in {} ms; learning the interaction log in the background",
                model.shelf().size(), (System.nanoTime() - start) / 1_000_000);
        long every = Math.max(100, model.settings().refreshInterval().toMillis());
        refresher.scheduleWithFixedDelay(this::refresh, every, every, TimeUnit.MILLISECONDS);
        loader = new Thread(this::learnLog, "feed-load");
        loader.setDaemon(true);
        loader.start();
    }

    private void learnLog() {
        long start = System.nanoTime();
        Instant remembered = clock.instant().minus(model.settings().seenFor());
        try {
            long count = rows.forEachInteraction(i -> model.record(i, i.at().isAfter(remembered)));
            model.markReady();
            refresh();
            log.info("Feed model loaded: {} listed videos, {} interactions in {} ms", model.shelf().size(), count,
                    (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            model.markReady(); // serve personal lists from what was learnt rather than none at all
            log.error("Learning the feed's interaction log failed; For You ranks from what was learnt", e);
        }
    }

    private void listPublished() {
        String cursor = null;
        do {
            VideoPage page = catalog.byStatus(VideoStatus.PUBLISHED, cursor, 50);
            for (Video v : page.items()) {
                if (VideoAccess.isListed(v)) {
                    Listing listing = ListingProjection.listing(v, v.updatedAt());
                    rows.list(listing);
                    model.shelf().list(listing);
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
    }

    private void refresh() {
        try {
            Instant now = clock.instant();
            model.shelf().refresh(now);
            forYou.refreshShared(now);
        } catch (RuntimeException e) {
            log.warn("Feed refresh failed; serving the previous lists", e);
        }
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
        Thread t = loader;
        if (t != null) {
            t.interrupt();
        }
    }
}
