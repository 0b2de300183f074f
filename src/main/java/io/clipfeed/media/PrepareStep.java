package io.clipfeed.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.springframework.stereotype.Component;

import io.clipfeed.catalog.Catalog;
import io.clipfeed.catalog.MediaFacts;
import io.clipfeed.catalog.Rendition;
import io.clipfeed.media.ffmpeg.FfmpegException;
import io.clipfeed.media.ffmpeg.LadderTranscoder;
import io.clipfeed.media.ffmpeg.Remuxer;

/**
 * Probe, validate, and make the video playable as fast as possible: a source that already plays everywhere is
 * only remuxed to a faststart MP4; anything else gets one quickly encoded low rung.
 */
@Component
class PrepareStep {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PrepareStep.class);

    private final SourceInspector inspector;
    private final TranscodePlanner planner;
    private final MediaBlobs blobs;
    private final VideoStates states;
    private final Catalog catalog;
    private final Packager packager = new Packager();
    private final Remuxer remuxer = new Remuxer();
    private final LadderTranscoder transcoder = new LadderTranscoder();

    PrepareStep(SourceInspector inspector, MediaSettings settings, MediaBlobs blobs, VideoStates states,
            Catalog catalog) {
        this.inspector = inspector;
        this.planner = new TranscodePlanner(settings);
        this.blobs = blobs;
        this.states = states;
        this.catalog = catalog;
    }

    /** Returns false when the source was rejected (the video is FAILED and no further step should run). */
    boolean run(MediaJob.Prepare job, StepContext context) throws IOException {
        states.startProcessing(job.videoId());
        Path source = blobs.localCopy(job.sourceBlobKey());
        Verdict verdict = inspector.inspect(source);
        if (verdict instanceof Verdict.Rejected rejected) {
            states.fail(job.videoId(), rejected.reason());
            return false;
        }
        Probe probe = ((Verdict.Accepted) verdict).probe();
        catalog.recordMediaFacts(job.videoId(), new MediaFacts(probe.durationMs(), probe.video().displayWidth(),
                probe.video().displayHeight()));
        context.progress().report(10);
        Path playable = firstRendition(source, planner.plan(probe), context);
        Rendition rendition = packager.mp4(playable, blobs.sinkFor(job.videoId()));
        catalog.recordRendition(job.videoId(), rendition);
        states.playable(job.videoId());
        context.progress().report(100);
        return true;
    }

    private Path firstRendition(Path source, TranscodePlan plan, StepContext context) {
        if (plan.instant() instanceof TranscodePlan.FastRung fast) {
            return fastRung(source, plan, fast.rung(), context);
        }
        Path remuxed = context.workDir().resolve("instant.mp4");
        try {
            remuxer.faststartMp4(source, remuxed);
            return remuxed;
        } catch (FfmpegException e) {
            // headers looked fine but the packets do not copy cleanly (odd timestamps): encode instead
            log.info("remux failed ({}); encoding the first rung instead", e.getMessage());
            return fastRung(source, plan, planner.fastRung(plan.rungs()), context);
        }
    }

    private Path fastRung(Path source, TranscodePlan plan, TranscodePlan.Rung rung, StepContext context) {
        return transcoder.transcode(source, plan, List.of(rung), context.workDir(), context.stop(),
                p -> context.progress().report(10 + p * 9 / 10)).get(0).mp4();
    }
}
