package io.clipfeed.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.clipfeed.catalog.Catalog;
import io.clipfeed.media.ffmpeg.CoverPicker;
import io.clipfeed.media.ffmpeg.PreviewMaker;

/**
 * The cover (best of several candidate frames, as JPEG — the catalog's cover — and WebP, large and small) and a
 * 3 s animated WebP preview.
 */
@Component
class CoverStep {

    static final int[] SIZES = {720, 360};

    private final SourceInspector inspector;
    private final MediaBlobs blobs;
    private final Catalog catalog;
    private final CoverPicker picker = new CoverPicker();
    private final PreviewMaker previews = new PreviewMaker();

    CoverStep(SourceInspector inspector, MediaBlobs blobs, Catalog catalog) {
        this.inspector = inspector;
        this.blobs = blobs;
        this.catalog = catalog;
    }

    void run(MediaJob.Covers job, StepContext context) throws IOException {
        Path source = blobs.localCopy(job.sourceBlobKey());
        if (!(inspector.inspect(source) instanceof Verdict.Accepted accepted)) {
            return;
        }
        List<CoverPicker.Image> images = picker.pick(source, accepted.probe().video().rotation(), SIZES,
                context.workDir());
        AssetSink sink = blobs.sinkFor(job.videoId());
        List<String> keys = new ArrayList<>();
        String cover = null;
        for (CoverPicker.Image image : images) {
            String key = sink.store(image.file(), image.contentType());
            keys.add(key);
            if (cover == null && "image/jpeg".equals(image.contentType())) {
                cover = key;
            }
        }
        Path preview = previews.preview(source, accepted.probe().video().rotation(), 240, 3, 10,
                context.workDir().resolve("preview.webp"));
        keys.add(sink.store(preview, "image/webp"));
        catalog.recordAssets(job.videoId(), keys);
        catalog.recordCover(job.videoId(), cover);
        context.progress().report(100);
    }
}
