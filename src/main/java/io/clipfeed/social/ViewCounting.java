package io.clipfeed.social;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.clipfeed.analytics.PlaybackObserved;
import io.clipfeed.catalog.Catalog;

/** Listens to analytics' playback reports and hands the qualifying ones to {@link Views}. */
@Component
class ViewCounting {

    private final Catalog catalog;
    private final Views views;

    ViewCounting(Catalog catalog, Views views) {
        this.catalog = catalog;
        this.views = views;
    }

    /**
     * Async after the beacon's commit, and tracked by the event publication registry like a module listener; not
     * {@code @ApplicationModuleListener}, whose surrounding transaction would also hold the counter row's creation
     * (which {@link Counters} wants outside the counting transaction).
     */
    @Async
    @TransactionalEventListener
    void on(PlaybackObserved playback) {
        catalog.find(playback.videoId()).filter(v -> views.qualifies(playback, v))
                .ifPresent(v -> views.count(playback));
    }
}
