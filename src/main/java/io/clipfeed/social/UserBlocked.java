package io.clipfeed.social;

import java.time.Instant;

/**
 * {@code blockerId} blocked {@code blockedId}: from now on neither comments on, follows or mentions the other, and
 * neither sees the other's videos in feeds. Blocking also ends follows in both directions ({@link UserUnfollowed}
 * is published for each).
 */
public record UserBlocked(String blockerId, String blockedId, Instant at) {
}
