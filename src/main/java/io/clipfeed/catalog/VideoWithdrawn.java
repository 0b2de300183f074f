package io.clipfeed.catalog;

/**
 * The video was rejected by moderation: it is no longer watchable, but (unlike {@link VideoRemoved}) it keeps its
 * media, as it may be reinstated ({@link VideoPublished} again). Lists, search and caches drop it.
 */
public record VideoWithdrawn(String videoId) {
}
