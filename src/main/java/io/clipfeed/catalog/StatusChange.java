package io.clipfeed.catalog;

import java.time.Instant;

/** One recorded step of a video's lifecycle ({@code from} is null for its creation). */
public record StatusChange(VideoStatus from, VideoStatus to, String reason, Instant at) {
}
