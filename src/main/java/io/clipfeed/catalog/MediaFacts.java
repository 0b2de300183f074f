package io.clipfeed.catalog;

/** What probing the source found out, recorded on the video. */
public record MediaFacts(long durationMs, int width, int height) {
}
