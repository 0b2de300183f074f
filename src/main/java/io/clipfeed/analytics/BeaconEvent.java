package io.clipfeed.analytics;

import java.time.Instant;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One validated playback event: its type, the client's time {@code t} in milliseconds and the event's other fields
 * as compact JSON (null when there are none).
 */
record BeaconEvent(String type, long t, String detail) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Longer than any clip we accept (10 min default maximum, configurable): a bound, not a rule. */
    private static final long MAX_WATCHED_MS = 24L * 3600 * 1000;

    /**
     * What this event says about how much was watched: present for {@code ended} (a completed view) and for any
     * event carrying a numeric {@code watchedMs} field.
     */
    Optional<PlaybackObserved> observation(BeaconBatch batch, String viewerId, Instant at) {
        boolean ended = type.equals("ended");
        Long watched = watchedMs();
        if (!ended && watched == null) {
            return Optional.empty();
        }
        boolean completed = ended || (detail != null && JSON.readTree(detail).path("completed").asBoolean(false));
        return Optional.of(new PlaybackObserved(batch.sessionId(), batch.videoId(), viewerId,
                watched == null ? 0 : watched, completed, at));
    }

    private Long watchedMs() {
        if (detail == null) {
            return null;
        }
        JsonNode value = JSON.readTree(detail).get("watchedMs");
        if (value == null || !value.isNumber()) {
            return null;
        }
        return Math.max(0, Math.min(MAX_WATCHED_MS, Math.round(value.asDouble())));
    }
}
