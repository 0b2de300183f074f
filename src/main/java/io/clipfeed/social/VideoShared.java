package io.clipfeed.social;

import java.time.Instant;

/** A video was shared ({@code userId} null when an anonymous viewer shared it). */
public record VideoShared(String videoId, String userId, Instant at) {
}
