package io.clipfeed.social;

import java.time.Instant;

/** {@code blockerId} lifted a block on {@code blockedId}. */
public record UserUnblocked(String blockerId, String blockedId, Instant at) {
}
