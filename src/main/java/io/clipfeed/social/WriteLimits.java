package io.clipfeed.social;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.clipfeed.platform.ApiProblem;

/**
 * Token buckets (Bucket4j) for social writes: one per signed-in user and one per client address, plus a tighter
 * one per user for comments. Buckets live in this process (an LRU bounded map): with several API processes behind
 * a balancer each enforces its share, which is what a burst guard needs; a refused write answers 429 with
 * Retry-After.
 */
@Component
class WriteLimits {

    private static final int MAX_TRACKED = 100_000;

    private final SocialSettings settings;
    private final Map<String, Bucket> buckets = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_TRACKED;
        }
    });

    WriteLimits(SocialSettings settings) {
        this.settings = settings;
    }

    /** A social write by this user (null when anonymous) from this address. */
    void write(String userId, String address) {
        take("ip:" + address, () -> perMinute(settings.ipWritesPerMinute()),
                "Too many requests from your network; try again in a moment.");
        if (userId != null) {
            take("user:" + userId, () -> perMinute(settings.userWritesPerMinute()),
                    "You are doing that too fast; try again in a moment.");
        }
    }

    /** A comment by this user: at most {@code commentsPerMinute}. */
    void comment(String userId) {
        take("comment:" + userId, () -> perMinute(settings.commentsPerMinute()),
                "You are commenting too fast; wait a moment before posting again.");
    }

    private void take(String key, Supplier<Bucket> create, String sentence) {
        ConsumptionProbe probe = buckets.computeIfAbsent(key, k -> create.get()).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
            ApiProblem problem = ApiProblem.tooManyRequests(sentence).with("retryAfterSeconds", seconds);
            problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            throw problem;
        }
    }

    private static Bucket perMinute(int tokens) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(tokens).refillGreedy(tokens, Duration.ofMinutes(1)).build())
                .build();
    }
}
