package io.clipfeed.catalog;

import java.time.Instant;
import java.util.List;

/**
 * A video as lists show it (feed items, the latest list, a profile's liked videos): what a card or a tile needs,
 * nothing about processing. One shape everywhere, so the client renders cards from any list alike.
 */
public record VideoCard(String id, String title, String description, List<String> hashtags, Creator creator,
        Long durationMs, Integer width, Integer height, String coverUrl, EngagementCounts.Counts counts,
        Instant createdAt) {

    public record Creator(String id, String username) {
    }

    /** {@code username} and {@code coverUrl} may be null (account gone, no cover yet). */
    public static VideoCard of(Video v, String username, String coverUrl, EngagementCounts.Counts counts) {
        return new VideoCard(v.id(), v.title(), v.description(), v.hashtags(), new Creator(v.creatorId(), username),
                v.durationMs(), v.width(), v.height(), coverUrl, counts, v.createdAt());
    }
}
