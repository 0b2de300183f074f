package io.clipfeed.feed;

import java.util.List;

/** A page of a feed; {@code nextCursor} is opaque and null when the feed has nothing more. */
public record FeedPage(List<FeedItem> items, String nextCursor) {
}
