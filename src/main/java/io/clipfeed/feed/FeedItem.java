package io.clipfeed.feed;

import io.clipfeed.catalog.VideoCard;
import io.clipfeed.delivery.PlayInfo;

/**
 * One feed entry: the card, how to play it (so the client can preload), and why it is here — {@code reason} a
 * sentence to show, {@code reasonKind} its stable code ({@code trending}, {@code new}, ..., and For You's
 * {@code rewatch} and {@code caught-up} once the viewer has seen everything fresh).
 */
public record FeedItem(VideoCard video, PlayInfo play, String reason, String reasonKind) {
}
