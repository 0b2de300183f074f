package io.clipfeed.feed;

import java.time.Clock;
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
 * Fills the model from the feed's tables before the server takes requests (first start: lists the catalog's
 * published videos), then rebuilds the precomputed lists every {@code refresh-interval} off the request path.
 */
@Component
class FeedLoader implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FeedLoader.class);

    private final FeedRows rows;
    private final FeedModel model;
    private final Catalog catalog;
    private final Clock clock;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "feed-refresh");
        t.setDaemon(true);
        return t;
    });

    FeedLoader(FeedRows rows, FeedModel model, Catalog catalog, Clock clock) {
        this.rows = rows;
        this.model = model;
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
        long[] count = {0};
        rows.forEachInteraction(i -> {
            model.record(i);
            count[0]++;
        });
        refresh();
        log.info("Feed model loaded: {} listed videos, {} interactions in {} ms", model.shelf().size(), count[0],
                (System.nanoTime() - start) / 1_000_000);
        long every = Math.max(100, model.settings().refreshInterval().toMillis());
        refresher.scheduleWithFixedDelay(this::refresh, every, every, TimeUnit.MILLISECONDS);
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
            model.shelf().refresh(clock.instant());
        } catch (RuntimeException e) {
            log.warn("Feed refresh failed; serving the previous lists", e);
        }
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }
}
