package io.clipfeed.analytics;

/**
 * One validated playback event: its type, the client's time {@code t} in milliseconds and the event's other fields
 * as compact JSON (null when there are none).
 */
record BeaconEvent(String type, long t, String detail) {
}
