package io.clipfeed.catalog;

/** At least one rendition of the video can be played. */
public record VideoPlayable(String videoId) {
}
