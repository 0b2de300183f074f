package io.clipfeed.feed;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The feed's in-memory model: the {@link Shelf} of listed videos and their engagement, every viewer's
 * {@link Taste}, item-to-item {@link CoEngagement}, the follow/block {@link Graph} and the {@link Seen} filter.
 * Learns incrementally from each {@link Interaction}; the same object serves requests in the application and is
 * trained from a synthetic log in the offline evaluation. {@link #ready()} turns true once the stored interaction
 * log has been learnt; until then requests get the non-personalised lists built from what is known so far.
 */
final class FeedModel {

    private final FeedSettings settings;
    private final Shelf shelf;
    private final CoEngagement coEngagement = new CoEngagement();
    private final Graph graph = new Graph();
    private final Seen seen;
    private final Cache<String, Taste> tastes;
    private volatile boolean ready;

    FeedModel(FeedSettings settings, Instant epoch) {
        this.settings = settings;
        this.shelf = new Shelf(new Decay(epoch, settings.trendingHalfLife()), settings);
        this.seen = new Seen(settings.seenFor(), settings.seenCapacity());
        this.tastes = Caffeine.newBuilder().maximumSize(1_000_000).build();
    }

    /** Learns from one signal: the video's engagement, the viewer's taste, co-engagement and the seen-filter. */
    void record(Interaction i) {
        record(i, true);
    }

    /**
     * As {@link #record(Interaction)}; {@code remember} false leaves the seen-filter alone (an old interaction
     * read at start that would have expired from it anyway).
     */
    void record(Interaction i, boolean remember) {
        int number = shelf.number(i.videoId());
        shelf.record(number, i.signal(), i.at());
        if (!i.hasViewer()) {
            return;
        }
        if (remember) {
            seen.add(i.viewerKey(), List.of(i.videoId()), i.at());
        }
        Listing video = shelf.listing(number);
        if (video != null) {
            Taste taste = tastes.get(i.viewerKey(), k -> new Taste());
            for (int earlier : taste.learn(video, number, i.signal(), i.at())) {
                coEngagement.link(earlier, number);
            }
        }
    }

    /** The viewer's taste; an empty one for a viewer never seen. */
    Taste taste(String viewerKey) {
        Taste taste = viewerKey == null ? null : tastes.getIfPresent(viewerKey);
        return taste == null ? new Taste() : taste;
    }

    /**
     * Videos were served to a viewer: they count as impressions for exploration, but not as seen. A page holds
     * slides the viewer may never reach (the client preloads ahead), so only watching one ({@link #watched}, or any
     * other signal {@link #record}ed) keeps it out of their next visit's For You.
     */
    void served(List<String> videoIds) {
        videoIds.forEach(shelf::impressed);
    }

    /** The viewer watched the video (again): it counts as seen from {@code at}. */
    void watched(String viewerKey, String videoId, Instant at) {
        if (viewerKey != null && !Interaction.NOBODY.equals(viewerKey)) {
            seen.add(viewerKey, List.of(videoId), at);
        }
    }

    /** What the viewer has seen lately, least recently seen first (nothing for a viewer without a key). */
    List<String> seenLeastRecentFirst(String viewerKey, Instant now) {
        return seen.leastRecentFirst(viewerKey, now);
    }

    boolean seen(String viewerKey, String videoId, Instant now) {
        return viewerKey != null && seen.contains(viewerKey, videoId, now);
    }

    /** The seen-filter of one viewer (nothing is seen by a viewer without a key). */
    Predicate<String> seenBy(String viewerKey, Instant now) {
        return seen.of(viewerKey, now);
    }

    boolean ready() {
        return ready;
    }

    void markReady() {
        ready = true;
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
