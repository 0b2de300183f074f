package io.clipfeed.social;

import java.time.Instant;

/** {@code followerId} started following {@code followeeId}. */
public record UserFollowed(String followerId, String followeeId, Instant at) {
}
