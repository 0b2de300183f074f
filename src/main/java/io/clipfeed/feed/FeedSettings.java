package io.clipfeed.feed;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Feed settings ({@code clipfeed.feed.*}).
 *
 * @param pageSize         items per page (a client may ask for fewer)
 * @param weights          how much each candidate source counts in For You's blend
 * @param explorationShare share of every For You page kept for new videos that have had few impressions, so each
 *                         upload gets a fair first audience (0 turns exploration off)
 * @param explorationTarget impressions after which a new video no longer gets exploration slots
 * @param freshWindow      how long a video counts as new
 * @param trendingHalfLife half-life of the engagement behind trending
 * @param refreshInterval  how often the precomputed trending, per-hashtag and fresh lists are rebuilt
 * @param seenFor          how long a watched (or liked, commented, shared) video stays out of a viewer's For You
 *                         (a video only served is not seen), and is offered again after that
 * @param seenCapacity     videos remembered per viewer for the seen-filter
 */
@ConfigurationProperties("clipfeed.feed")
public record FeedSettings(@DefaultValue("10") int pageSize, @DefaultValue Weights weights,
        @DefaultValue("0.2") double explorationShare, @DefaultValue("50") int explorationTarget,
        @DefaultValue("48h") Duration freshWindow, @DefaultValue("24h") Duration trendingHalfLife,
        @DefaultValue("5s") Duration refreshInterval, @DefaultValue("3d") Duration seenFor,
        @DefaultValue("2000") int seenCapacity) {

    /** Blend weights of For You's candidate sources (and of the viewer's affinity to a creator). */
    public record Weights(@DefaultValue("1.0") double trending, @DefaultValue("2.0") double coEngagement,
            @DefaultValue("2.0") double hashtags, @DefaultValue("1.5") double following,
            @DefaultValue("0.5") double creators) {
        public Weights {
            if (trending < 0 || coEngagement < 0 || hashtags < 0 || following < 0 || creators < 0) {
                throw new IllegalArgumentException("clipfeed.feed.weights.* must not be negative");
            }
        }
    }

    public FeedSettings {
        if (pageSize < 1 || pageSize > 50) {
            throw new IllegalArgumentException("clipfeed.feed.page-size must be between 1 and 50");
        }
        if (explorationShare < 0 || explorationShare > 0.5) {
            throw new IllegalArgumentException("clipfeed.feed.exploration-share must be between 0 and 0.5");
        }
        if (explorationTarget < 1 || seenCapacity < 10 || seenCapacity > 100_000) {
            throw new IllegalArgumentException("clipfeed.feed.exploration-target must be positive and "
                    + "clipfeed.feed.seen-capacity between 10 and 100000");
        }
        if (trendingHalfLife.toMinutes() < 1 || freshWindow.isNegative() || refreshInterval.isNegative()) {
            throw new IllegalArgumentException("clipfeed.feed durations must be positive");
        }
    }

    /** The defaults, for code that runs without Spring (the offline evaluation). */
    public static FeedSettings defaults() {
        return new FeedSettings(10, new Weights(1.0, 2.0, 2.0, 1.5, 0.5), 0.2, 50, Duration.ofHours(48),
                Duration.ofHours(24), Duration.ofSeconds(5), Duration.ofDays(3), 2000);
    }
}
