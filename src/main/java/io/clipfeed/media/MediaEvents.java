package io.clipfeed.media;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.clipfeed.catalog.VideoRemoved;
import io.clipfeed.catalog.VideoUploaded;

/**
 * Media's reaction to the catalog's lifecycle: an uploaded video starts processing; a removed one stops it and
 * gives back every blob media stored for it. Both are safe to receive twice (the event registry redelivers
 * after a crash).
 */
@Component
class MediaEvents {

    private final MediaJobs.MediaJobScheduler scheduler;
    private final MediaJobRunner runner;
    private final MediaBlobs blobs;
    private final SourceAnalyses analyses;
    private final boolean autoProcess;

    /**
     * {@code clipfeed.media.auto-process=false} ingests uploads without transcoding them: for deployments that
     * bring renditions of their own, and for tests of other modules that record hand-made renditions.
     */
    MediaEvents(MediaJobs.MediaJobScheduler scheduler, MediaJobRunner runner, MediaBlobs blobs,
            SourceAnalyses analyses, @Value("${clipfeed.media.auto-process:true}") boolean autoProcess) {
        this.scheduler = scheduler;
        this.runner = runner;
        this.blobs = blobs;
        this.analyses = analyses;
        this.autoProcess = autoProcess;
    }

    @ApplicationModuleListener
    void on(VideoUploaded event) {
        if (!autoProcess) {
            return;
        }
        scheduler.schedule(new MediaJob.Prepare(event.videoId(), event.sourceBlobKey()));
    }

    @ApplicationModuleListener
    void on(VideoRemoved event) {
        runner.cancel(event.videoId());
        scheduler.cancel(event.videoId());
        blobs.releaseAll(event.videoId());
        analyses.forget(event.videoId());
    }
}
