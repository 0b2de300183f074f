package io.clipfeed.feed;

import java.time.Instant;
import java.util.List;

/**
 * The feed's in-memory model: the {@link Shelf} of listed videos and their engagement, every viewer's
 * {@link Taste}, item-to-item {@link CoEngagement}, the follow/block {@link Graph} and the {@link Seen} filter.
 * Learns incrementally from each {@link Interaction}; the same object serves requests in the application and is
 * trained from a synthetic log in the offline evaluation.
 */
final class FeedModel {

    private final FeedSettings settings;
    private final Shelf shelf;
    private final CoEngagement coEngagement = new CoEngagement();
    private final Graph graph = new Graph();
    private final Seen seen;
    private final com.github.benmanes.caffeine.cache.Cache<String, Taste> tastes;

    FeedModel(FeedSettings settings, Instant epoch) {
        this.settings = settings;
        this.shelf = new Shelf(new Decay(epoch, settings.trendingHalfLife()), settings);
        this.seen = new Seen(settings.seenFor(), settings.seenCapacity());
        this.tastes = com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(1_000_000).build();
    }

    /** Learns from one signal: the video's engagement, the viewer's taste, co-engagement and the seen-filter. */
    void record(Interaction i) {
        shelf.record(i.videoId(), i.signal(), i.at());
        if (!i.hasViewer()) {
            return;
        }
        seen.add(i.viewerKey(), List.of(i.videoId()), i.at());
        shelf.find(i.videoId()).ifPresent(video -> {
            Taste taste = tastes.get(i.viewerKey(), k -> new Taste());
            for (String earlier : taste.learn(video, i.signal())) {
                coEngagement.link(earlier, video.videoId());
            }
        });
    }

    /** The viewer's taste; an empty one for a viewer never seen. */
    Taste taste(String viewerKey) {
        Taste taste = tastes.getIfPresent(viewerKey);
        return taste == null ? new Taste() : taste;
    }

    /** Videos were served to a viewer: they count as seen and as impressions for exploration. */
    void served(String viewerKey, List<String> videoIds, Instant at) {
        videoIds.forEach(shelf::impressed);
        if (viewerKey != null) {
            seen.add(viewerKey, videoIds, at);
        }
    }

    boolean seen(String viewerKey, String videoId, Instant now) {
        return viewerKey != null && seen.contains(viewerKey, videoId, now);
    }

    Shelf shelf() {
        return shelf;
    }

    CoEngagement coEngagement() {
        return coEngagement;
    }

    Graph graph() {
        return graph;
    }

    FeedSettings settings() {
        return settings;
    }
}
