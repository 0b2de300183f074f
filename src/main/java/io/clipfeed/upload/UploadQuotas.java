package io.clipfeed.upload;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.clipfeed.platform.ApiProblem;

/**
 * Per-user limits: how many incomplete uploads one user may hold open, and how many bytes they may declare in any
 * 24 hours. Checked when bytes are promised (creation, or a deferred length being declared). Two requests racing
 * may both pass; the limits bound abuse, they are not billing.
 */
@Component
class UploadQuotas {

    private static final Duration DAY = Duration.ofHours(24);
    private final UploadSessions sessions;
    private final UploadSettings settings;
    private final Clock clock;

    UploadQuotas(UploadSessions sessions, UploadSettings settings, Clock clock) {
        this.sessions = sessions;
        this.settings = settings;
        this.clock = clock;
    }

    void checkSize(long length) {
        if (length > settings.maxSize().toBytes()) {
            throw UploadProblems.tooLarge("The file is " + length + " bytes; the largest upload accepted is "
                    + settings.maxSize().toBytes() + " bytes (Tus-Max-Size).");
        }
    }

    void checkConcurrent(String ownerId) {
        int open = sessions.countIncomplete(ownerId, clock.instant());
        if (open >= settings.maxConcurrent()) {
            throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "Too many uploads",
                    "You already have " + open + " unfinished uploads (the limit is " + settings.maxConcurrent()
                            + "). Finish or cancel one first.").with("limit", settings.maxConcurrent());
        }
    }

    /** Checks that {@code more} bytes still fit in the user's daily allowance. */
    void checkDailyBytes(String ownerId, long more) {
        Instant now = clock.instant();
        long used = sessions.bytesSince(ownerId, now.minus(DAY));
        long limit = settings.maxBytesPerDay().toBytes();
        if (used + more > limit) {
            throw UploadProblems.tooLarge("This upload would take you past your daily upload allowance of " + limit
                    + " bytes (" + Math.max(0, limit - used) + " left in the last 24 hours). Try again later.")
                    .with("remainingBytes", Math.max(0, limit - used));
        }
    }
}
