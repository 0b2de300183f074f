package io.clipfeed.catalog;

/**
 * New renditions of a video are stored (the first playable one, or a whole ladder with its HLS package): whatever
 * caches what a video plays (feed cards, play info) builds it afresh.
 */
public record RenditionsReady(String videoId) {
}
