package io.clipfeed.feed;

import io.clipfeed.catalog.VideoCard;
import io.clipfeed.delivery.PlayInfo;

/** One feed entry: the card, how to play it (so the client can preload), and why it is here. */
public record FeedItem(VideoCard video, PlayInfo play, String reason) {
}
