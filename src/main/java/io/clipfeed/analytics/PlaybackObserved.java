package io.clipfeed.analytics;

import java.time.Instant;

/**
 * A player reported how much of a video one playback session watched: an event carrying {@code watchedMs}
 * (the player sends one when the viewer has watched 2 s or half the clip, and on exit) or an {@code ended} event.
 * {@code viewerId} is null for anonymous viewers, who are told apart by {@code sessionId}. {@code completed} means
 * the viewer reached the end at least once. Social counts views from these; the feed learns from them. A session
 * may report the same play more than once (progress, then exit): listeners deduplicate.
 */
public record PlaybackObserved(String sessionId, String videoId, String viewerId, long watchedMs, boolean completed,
        Instant at) {

    /** Who watched: the account when signed in, otherwise the anonymous playback session. */
    public String viewerKey() {
        return viewerId != null ? "u:" + viewerId : "s:" + sessionId;
    }
}
