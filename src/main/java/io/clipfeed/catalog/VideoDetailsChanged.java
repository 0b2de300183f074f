package io.clipfeed.catalog;

/** A video's title, description (and so hashtags) or visibility changed: search re-indexes it, feeds re-check it. */
public record VideoDetailsChanged(String videoId) {
}
