package io.clipfeed.feed;

import java.time.Duration;
import java.time.Instant;

/**
 * Forward exponential decay: an event at {@code t} is added with weight {@code 2^((t - epoch) / halfLife)} and a
 * sum is read at {@code now} by dividing by the weight of {@code now}. Sums never need rescanning as time passes,
 * so recording an event and reading a score are both O(1). The epoch is the model's start, so weights stay far
 * from overflow for about a thousand half-lives of uptime.
 */
final class Decay {

    private final Instant epoch;
    private final double halfLifeMillis;

    Decay(Instant epoch, Duration halfLife) {
        this.epoch = epoch;
        this.halfLifeMillis = halfLife.toMillis();
    }

    double weight(Instant at) {
        return Math.pow(2, (at.toEpochMilli() - epoch.toEpochMilli()) / halfLifeMillis);
    }
}
