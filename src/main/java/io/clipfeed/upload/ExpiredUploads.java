package io.clipfeed.upload;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.clipfeed.catalog.VideoStatus;
import io.clipfeed.upload.UploadSession.State;

/**
 * The recurring sweep: uploads whose time ran out lose their bytes and their video fails with a reason the creator
 * can read; completions whose job was lost (a crash between committing the last chunk and scheduling) are
 * re-scheduled.
 */
@Component
class ExpiredUploads {

    private static final Logger log = LoggerFactory.getLogger(ExpiredUploads.class);
    private static final int BATCH = 500;
    private static final Duration LOST_COMPLETION = Duration.ofMinutes(2);
    private final UploadSessions sessions;
    private final PartFiles parts;
    private final UploadVideos videos;
    private final CompletionJobs completions;
    private final Clock clock;

    ExpiredUploads(UploadSessions sessions, PartFiles parts, UploadVideos videos, CompletionJobs completions,
            Clock clock) {
        this.sessions = sessions;
        this.parts = parts;
        this.videos = videos;
        this.completions = completions;
        this.clock = clock;
    }

    /** Returns how many uploads expired. */
    int sweep() {
        Instant now = clock.instant();
        int expired = 0;
        for (UploadSession s : sessions.expired(now, BATCH)) {
            if (sessions.changeState(s.id(), s.state(), State.EXPIRED)) {
                deletePart(s.id());
                if (s.videoId() != null) {
                    videos.withdraw(s.videoId(), VideoStatus.FAILED, "The upload expired before it was finished.");
                }
                expired++;
            }
        }
        sessions.completing(now.minus(LOST_COMPLETION)).forEach(completions::schedule);
        if (expired > 0) {
            log.info("Expired {} unfinished uploads", expired);
        }
        return expired;
    }

    private void deletePart(String id) {
        try {
            parts.delete(id);
        } catch (IOException e) {
            log.warn("Could not delete the part file of expired upload {}: {}", id, e.toString());
        }
    }
}
