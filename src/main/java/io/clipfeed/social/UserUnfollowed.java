package io.clipfeed.social;

import java.time.Instant;

/** {@code followerId} stopped following {@code followeeId}. */
public record UserUnfollowed(String followerId, String followeeId, Instant at) {
}
