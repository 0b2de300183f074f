package io.clipfeed.feed;

import java.time.Instant;
import java.util.List;

import io.clipfeed.catalog.EngagementCounts;

/** A video as a feed shows it: what a card needs, nothing about processing. */
record VideoCard(String id, String title, String description, List<String> hashtags, Creator creator,
        Long durationMs, Integer width, Integer height, String coverUrl, EngagementCounts.Counts counts,
        Instant createdAt) {

    record Creator(String id, String username) {
    }
}
