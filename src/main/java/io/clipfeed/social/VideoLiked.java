package io.clipfeed.social;

import java.time.Instant;

/** A viewer liked a video (published once per new like; a repeated PUT publishes nothing). */
public record VideoLiked(String videoId, String userId, String creatorId, Instant at) {
}
