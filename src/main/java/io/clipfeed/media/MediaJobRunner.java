package io.clipfeed.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

import io.clipfeed.catalog.Catalog;
import io.clipfeed.media.ffmpeg.FfmpegException;
import io.clipfeed.platform.ClipfeedSettings;

/**
 * Runs one media step with the rules every step shares: skip when finished or cancelled, a fresh work directory,
 * a time limit, MDC, and the split between permanent failures (the video goes FAILED with a sentence) and
 * transient ones (thrown on, so the scheduler retries with backoff).
 */
@Component
class MediaJobRunner {

    interface Step {
        void run(StepContext context) throws IOException;
    }

    private static final Logger log = LoggerFactory.getLogger(MediaJobRunner.class);

    private final MediaSteps steps;
    private final VideoStates states;
    private final Catalog catalog;
    private final MediaSettings settings;
    private final Clock clock;
    private final Path workRoot;
    private final Set<String> cancelledHere = ConcurrentHashMap.newKeySet();
    private volatile boolean shuttingDown;

    MediaJobRunner(MediaSteps steps, VideoStates states, Catalog catalog, MediaSettings settings, Clock clock,
            ClipfeedSettings clipfeed) {
        this.steps = steps;
        this.states = states;
        this.catalog = catalog;
        this.settings = settings;
        this.clock = clock;
        this.workRoot = clipfeed.dataDir().resolve("media-work");
    }

    void cancel(String videoId) {
        cancelledHere.add(videoId);
        steps.cancel(videoId);
    }

    /**
     * The process is stopping: running steps stop at their next check (within about a second) instead of holding
     * the shutdown for minutes, or being cut off inside FFmpeg when the process exits. Each one ends with
     * {@link StoppedForShutdown}, so its execution is not completed but retried: after the restart, or by another
     * worker.
     */
    void stopForShutdown() {
        shuttingDown = true;
    }

    /** A step stopped because the process is shutting down; thrown on so the scheduler runs the step again. */
    static final class StoppedForShutdown extends RuntimeException {
        StoppedForShutdown(String step) {
            super("media step " + step + " stopped: the process is shutting down; it runs again", null, false,
                    false);
        }
    }

    void run(MediaJob job, int progressFrom, int progressTo, Step step) {
        String videoId = job.videoId();
        if (steps.isFinished(videoId, job.step()) || states.gone(videoId)) {
            return;
        }
        MDC.put("videoId", videoId);
        Path work = workRoot.resolve(videoId).resolve(job.step());
        StopSignal stop = new StopSignal(clock, clock.instant().plus(settings.stepTimeLimit()), videoId,
                id -> shuttingDown || cancelledHere.contains(id) || steps.isCancelled(id));
        try {
            deleteTree(work);
            Files.createDirectories(work);
            long started = System.nanoTime();
            step.run(new StepContext(videoId, work, stop,
                    new StepContext.Progress(catalog, videoId, progressFrom, progressTo)));
            steps.finish(videoId, job.step(), "done", null);
            log.info("media step {} done in {} ms", job.step(), (System.nanoTime() - started) / 1_000_000);
        } catch (CancellationException e) {
            stopped(job, stop);
        } catch (FfmpegException e) {
            log.warn("media step {} failed at {} (rc {}): {}", job.step(), e.step(), e.returnCode(), e.logTail());
            failPermanently(job, FailureReasons.of(e), e.getMessage());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            deleteTree(work);
            MDC.remove("videoId");
        }
    }

    private void stopped(MediaJob job, StopSignal stop) {
        if (shuttingDown && !stop.timedOut()) {
            throw new StoppedForShutdown(job.step());
        }
        if (stop.timedOut()) {
            failPermanently(job, FailureReasons.TOO_SLOW, "time limit " + settings.stepTimeLimit());
        } else {
            log.info("media step {} stopped: video removed", job.step());
        }
    }

    /** Also called by the scheduler once transient retries are used up. */
    void failPermanently(MediaJob job, String reason, String detail) {
        steps.finish(job.videoId(), job.step(), "failed", detail);
        states.fail(job.videoId(), reason);
        catalog.recordProgress(job.videoId(), 100);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("could not clean {}: {}", dir, e.toString());
        }
    }
}
