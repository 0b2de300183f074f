package io.clipfeed.social;

import java.time.Instant;

/** A viewer took a like back. */
public record VideoUnliked(String videoId, String userId, Instant at) {
}
