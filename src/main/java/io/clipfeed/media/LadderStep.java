package io.clipfeed.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.clipfeed.catalog.Catalog;
import io.clipfeed.catalog.Rendition;
import io.clipfeed.media.ffmpeg.FfmpegException;
import io.clipfeed.media.ffmpeg.LadderTranscoder;
import io.clipfeed.media.ffmpeg.OutputFacts;
import io.clipfeed.media.ffmpeg.QualityMeter;

/**
 * The full ladder: a quick analysis (complexity, loudness) sets per-title rates; every rung in one decode pass; rungs too close in bitrate to the one below are dropped; each
 * kept rung is stored as faststart MP4 with its SSIM/PSNR, and all of them together as one HLS package; a video-only
 * copy of the phone-sized H.264 rung is stored as its "starter" ({@link StarterCut}) for muted starts.
 */
@Component
class LadderStep {

    private static final Logger log = LoggerFactory.getLogger(LadderStep.class);
    private static final int QUALITY_SECONDS = 10;

    private final SourceInspector inspector;
    private final SourceAnalyses analyses;
    private final TranscodePlanner planner;
    private final MediaBlobs blobs;
    private final Catalog catalog;
    private final Packager packager = new Packager();
    private final StarterCut starterCut = new StarterCut();
    private final LadderTranscoder transcoder = new LadderTranscoder();
    private final QualityMeter meter = new QualityMeter();

    LadderStep(SourceInspector inspector, SourceAnalyses analyses, MediaSettings settings, MediaBlobs blobs,
            Catalog catalog) {
        this.inspector = inspector;
        this.analyses = analyses;
        this.planner = new TranscodePlanner(settings);
        this.blobs = blobs;
        this.catalog = catalog;
    }

    void run(MediaJob.Ladder job, StepContext context) throws IOException {
        Path source = blobs.localCopy(job.sourceBlobKey());
        if (!(inspector.inspect(source) instanceof Verdict.Accepted accepted)) {
            return; // prepare already failed the video
        }
        SourceAnalysis analysis = analyses.analyse(job.videoId(), source, accepted.probe(), context.stop());
        TranscodePlan plan = planner.plan(accepted.probe(), analysis);
        analyses.recordDecisions(job.videoId(), analysis, plan);
        List<LadderTranscoder.EncodedRung> rungs = kept(transcoder.transcode(source, plan, plan.rungs(),
                context.workDir(), context.stop(), p -> context.progress().report(p * 7 / 10)));
        AssetSink sink = blobs.sinkFor(job.videoId());
        List<String> assets = new ArrayList<>();
        List<Rendition> renditions = new ArrayList<>();
        List<StarterCut.Rung> stored = new ArrayList<>();
        for (LadderTranscoder.EncodedRung rung : rungs) {
            Rendition mp4 = withQuality(packager.mp4(rung.mp4(), sink), source, rung, plan);
            renditions.add(mp4);
            assets.add(mp4.blobKey());
            stored.add(new StarterCut.Rung(mp4, rung.mp4()));
        }
        Optional<Rendition> starter = starterCut.cut(stored, context.workDir(), sink);
        if (starter.isPresent()) {
            renditions.add(starter.get());
            assets.add(starter.get().blobKey());
        }
        context.progress().report(90);
        Packager.HlsPackage hls = packager.hls(rungs.stream().map(LadderTranscoder.EncodedRung::mp4).toList(),
                context.workDir(), plan, sink);
        assets.addAll(hls.assetKeys());
        renditions.add(hls.master());
        if (hls.hevcMaster() != null) {
            renditions.add(hls.hevcMaster());
        }
        // one command: the ladder's renditions, their files and RenditionsReady together, so no reader sees a
        // rung whose files are not yet registered and the feed's cards follow at once
        catalog.recordRenditions(job.videoId(), renditions, assets);
        context.progress().report(100);
    }

    /** Pruned per codec: an HEVC rung is compared with the HEVC rung below it, not with H.264. */
    private static List<LadderTranscoder.EncodedRung> kept(List<LadderTranscoder.EncodedRung> rungs) {
        List<LadderTranscoder.EncodedRung> kept = new ArrayList<>();
        for (String codec : List.of(TranscodePlan.H264, TranscodePlan.HEVC)) {
            List<LadderTranscoder.EncodedRung> family = rungs.stream().filter(r -> r.rung().codec().equals(codec))
                    .toList();
            List<Long> bitrates = family.stream().map(r -> OutputFacts.of(r.mp4()).bitrate()).toList();
            RungPruning.keep(bitrates).stream().map(family::get).forEach(kept::add);
        }
        return kept;
    }

    /** Quality figures are informative: a failed measurement leaves them null rather than failing the ladder. */
    private Rendition withQuality(Rendition r, Path source, LadderTranscoder.EncodedRung rung, TranscodePlan plan) {
        try {
            QualityMeter.Quality q = meter.measure(source, rung.mp4(), plan, rung.rung(), QUALITY_SECONDS);
            return new Rendition(r.id(), r.kind(), r.codec(), r.width(), r.height(), r.bitrate(), r.sizeBytes(),
                    r.blobKey(), q.ssim(), q.psnr(), r.preloadEnd());
        } catch (FfmpegException e) {
            log.warn("quality of rung {} not measured: {}", rung.rung().name(), e.getMessage());
            return r;
        }
    }
}
