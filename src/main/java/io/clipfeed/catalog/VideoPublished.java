package io.clipfeed.catalog;

/** The video is visible to viewers (feeds and search index it). */
public record VideoPublished(String videoId) {
}
