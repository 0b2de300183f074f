package io.clipfeed.social;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.clipfeed.catalog.EngagementCounts;

/** A video in a grid (a profile's liked videos): what a thumbnail tile needs. */
@JsonInclude(JsonInclude.Include.ALWAYS)
record VideoCard(String id, String title, String coverUrl, Long durationMs, Creator creator,
        EngagementCounts.Counts counts, Instant createdAt) {

    record Creator(String id, String username) {
    }
}
