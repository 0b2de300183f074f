package io.clipfeed.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.clipfeed.catalog.Catalog;
import io.clipfeed.catalog.Rendition;
import io.clipfeed.media.ffmpeg.LadderTranscoder;

/** The full ladder: every rung in one decode pass, each as faststart MP4, all together as one HLS package. */
@Component
class LadderStep {

    private final SourceInspector inspector;
    private final TranscodePlanner planner;
    private final MediaBlobs blobs;
    private final Catalog catalog;
    private final Packager packager = new Packager();
    private final LadderTranscoder transcoder = new LadderTranscoder();

    LadderStep(SourceInspector inspector, MediaSettings settings, MediaBlobs blobs, Catalog catalog) {
        this.inspector = inspector;
        this.planner = new TranscodePlanner(settings);
        this.blobs = blobs;
        this.catalog = catalog;
    }

    void run(MediaJob.Ladder job, StepContext context) throws IOException {
        Path source = blobs.localCopy(job.sourceBlobKey());
        if (!(inspector.inspect(source) instanceof Verdict.Accepted accepted)) {
            return; // prepare already failed the video
        }
        TranscodePlan plan = planner.plan(accepted.probe());
        List<LadderTranscoder.EncodedRung> rungs = transcoder.transcode(source, plan, plan.rungs(),
                context.workDir(), context.stop(), p -> context.progress().report(p * 8 / 10));
        AssetSink sink = blobs.sinkFor(job.videoId());
        List<String> assets = new ArrayList<>();
        for (LadderTranscoder.EncodedRung rung : rungs) {
            Rendition mp4 = packager.mp4(rung.mp4(), sink);
            catalog.recordRendition(job.videoId(), mp4);
            assets.add(mp4.blobKey());
        }
        Packager.HlsPackage hls = packager.hls(rungs.stream().map(LadderTranscoder.EncodedRung::mp4).toList(),
                context.workDir(), plan, sink);
        assets.addAll(hls.assetKeys());
        catalog.recordAssets(job.videoId(), assets);
        catalog.recordRendition(job.videoId(), hls.master());
        context.progress().report(100);
    }
}
