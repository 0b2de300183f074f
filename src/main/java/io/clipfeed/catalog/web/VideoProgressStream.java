package io.clipfeed.catalog.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.clipfeed.catalog.Catalog;
import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoAccess;
import io.clipfeed.platform.CurrentUser;
import io.clipfeed.platform.CurrentUsers;
import io.clipfeed.platform.Ids;

/**
 * Processing progress as server-sent events for the uploader's page: an event {@code progress} with
 * {@code {status, progress, statusReason}} whenever one of them changes, until processing is over (failed,
 * rejected, deleted, or playable at 100 %). Progress lives in the catalog row, which media updates from any worker
 * process, so the stream reads it (every 500 ms) rather than listening to in-process events.
 */
@RestController
class VideoProgressStream {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration LIMIT = Duration.ofMinutes(30);

    private final Catalog catalog;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "video-progress-sse");
        t.setDaemon(true);
        return t;
    });

    VideoProgressStream(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping(path = "/api/v1/videos/{id}/progress", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter progress(@PathVariable String id) {
        CurrentUser caller = CurrentUsers.require();
        Ids.requireWellFormed(id, "video");
        Video video = catalog.find(id).filter(v -> VideoAccess.canView(v, caller))
                .filter(v -> caller.mayManage(v.creatorId())).orElseThrow(VideoController::missing);
        SseEmitter emitter = new SseEmitter(LIMIT.toMillis());
        AtomicReference<String> last = new AtomicReference<>("");
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        task.set(ticker.scheduleWithFixedDelay(() -> tick(video.id(), emitter, last, task), 0, POLL.toMillis(),
                TimeUnit.MILLISECONDS));
        emitter.onCompletion(() -> cancel(task));
        emitter.onTimeout(emitter::complete);
        emitter.onError(e -> cancel(task));
        return emitter;
    }

    private void tick(String id, SseEmitter emitter, AtomicReference<String> last,
            AtomicReference<ScheduledFuture<?>> task) {
        try {
            Video now = catalog.find(id).orElse(null);
            if (now == null) {
                emitter.complete();
                return;
            }
            String state = now.status() + "/" + now.progress();
            if (!state.equals(last.getAndSet(state))) {
                emitter.send(SseEmitter.event().name("progress").data(Map.of("status", now.status().name(),
                        "progress", now.progress(), "statusReason", now.statusReason() == null ? ""
                                : now.statusReason()), MediaType.APPLICATION_JSON));
            }
            if (finished(now)) {
                emitter.complete();
                cancel(task);
            }
        } catch (IOException | IllegalStateException e) {
            cancel(task); // the viewer went away
        } catch (RuntimeException e) {
            emitter.completeWithError(e);
            cancel(task);
        }
    }

    static boolean finished(Video video) {
        return switch (video.status()) {
            case FAILED, REJECTED, DELETED -> true;
            case PLAYABLE, PUBLISHED -> video.progress() >= 100;
            default -> false;
        };
    }

    private static void cancel(AtomicReference<ScheduledFuture<?>> task) {
        ScheduledFuture<?> f = task.get();
        if (f != null) {
            f.cancel(false);
        }
    }
}
