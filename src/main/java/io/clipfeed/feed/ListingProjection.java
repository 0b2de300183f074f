package io.clipfeed.feed;

import java.time.Clock;
import java.time.Instant;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.clipfeed.catalog.Catalog;
import io.clipfeed.catalog.RenditionsReady;
import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoAccess;
import io.clipfeed.catalog.VideoDetailsChanged;
import io.clipfeed.catalog.VideoPublished;
import io.clipfeed.catalog.VideoRemoved;
import io.clipfeed.catalog.VideoWithdrawn;

/**
 * Keeps the listed videos (table and model) current from catalog's events: a video is listed while it is
 * published and public. Cards cached for the request path are dropped on every change.
 */
@Component
class ListingProjection {

    private final Catalog catalog;
    private final FeedRows rows;
    private final FeedModel model;
    private final Cards cards;
    private final Clock clock;

    ListingProjection(Catalog catalog, FeedRows rows, FeedModel model, Cards cards, Clock clock) {
        this.catalog = catalog;
        this.rows = rows;
        this.model = model;
        this.cards = cards;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(VideoPublished e) {
        cards.forget(e.videoId());
        catalog.find(e.videoId()).ifPresent(v -> update(v, v.updatedAt())); // the time it was published
    }

    @ApplicationModuleListener
    void on(VideoDetailsChanged e) {
        cards.forget(e.videoId());
        catalog.find(e.videoId()).ifPresentOrElse(v -> update(v, model.shelf().find(v.id())
                .map(Listing::publishedAt).orElse(clock.instant())), () -> unlist(e.videoId()));
    }

    /** A ladder landed: the cards' play info (which rung, alternates, HLS) is built afresh at once. */
    @ApplicationModuleListener
    void on(RenditionsReady e) {
        cards.forget(e.videoId());
    }

    @ApplicationModuleListener
    void on(VideoRemoved e) {
        cards.forget(e.videoId());
        unlist(e.videoId());
    }

    @ApplicationModuleListener
    void on(VideoWithdrawn e) {
        cards.forget(e.videoId());
        unlist(e.videoId());
    }

    private void update(Video video, Instant publishedAt) {
        if (VideoAccess.isListed(video)) {
            Listing listing = listing(video, publishedAt);
            rows.list(listing);
            model.shelf().list(listing);
        } else {
            unlist(video.id());
        }
    }

    private void unlist(String videoId) {
        rows.unlist(videoId);
        model.shelf().unlist(videoId);
    }

    static Listing listing(Video video, Instant publishedAt) {
        return new Listing(video.id(), video.creatorId(), video.hashtags(), publishedAt);
    }
}
