package io.clipfeed.media;

import java.time.Clock;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Tells a running FFmpeg loop to stop: when the step's time limit has passed or the video was removed. The
 * database check is throttled (the loop asks per packet) and also catches removals seen by another process.
 */
final class StopSignal implements BooleanSupplier {

    private static final long CHECK_EVERY_MS = 1000;

    private final Clock clock;
    private final Instant deadline;
    private final String videoId;
    private final Predicate<String> cancelled;
    private long lastCheck;
    private boolean stop;
    private boolean timedOut;

    StopSignal(Clock clock, Instant deadline, String videoId, Predicate<String> cancelled) {
        this.clock = clock;
        this.deadline = deadline;
        this.videoId = videoId;
        this.cancelled = cancelled;
    }

    @Override
    public boolean getAsBoolean() {
        long now = clock.millis();
        if (!stop && now >= lastCheck + CHECK_EVERY_MS) {
            lastCheck = now;
            timedOut = !clock.instant().isBefore(deadline);
            stop = timedOut || cancelled.test(videoId);
        }
        return stop;
    }

    boolean timedOut() {
        return timedOut;
    }
}
