package io.clipfeed.social;

import java.time.Instant;

/**
 * A view was counted: at most once per viewer per video per hour, after 2 s or half the clip was watched.
 * {@code viewerId} is null for anonymous viewers; {@code viewerKey} tells them apart ({@code u:<id>} or
 * {@code s:<session>}).
 */
public record ViewCounted(String videoId, String viewerId, String viewerKey, long watchedMs, Instant at) {
}
