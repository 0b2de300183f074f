package io.clipfeed.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.clipfeed.catalog.Catalog;
import io.clipfeed.media.ffmpeg.CoverPicker;
import io.clipfeed.media.ffmpeg.PreviewMaker;
import io.clipfeed.media.ffmpeg.StoryboardMaker;

/**
 * The cover (best of several candidate frames, as JPEG — the catalog's cover — and WebP, large and small) and a
 * 3 s animated WebP preview, and a storyboard sprite with its WebVTT index for scrubbing.
 */
@Component
class CoverStep {

    static final int[] SIZES = {720, 360};

    private final SourceInspector inspector;
    private final MediaBlobs blobs;
    private final Catalog catalog;
    private final CoverPicker picker = new CoverPicker();
    private final PreviewMaker previews = new PreviewMaker();
    private final StoryboardMaker storyboards = new StoryboardMaker();

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
        keys.addAll(storyboard(source, accepted.probe().video().rotation(), context.workDir(), sink));
        catalog.recordAssets(job.videoId(), keys);
        catalog.recordCover(job.videoId(), cover);
        context.progress().report(100);
    }

    /** The sprite and its WebVTT index, which names the sprite by its content address ({@code <sha256>.jpg}). */
    private List<String> storyboard(Path source, int rotation, Path dir, AssetSink sink) throws IOException {
        StoryboardMaker.Sprite sprite = storyboards.make(source, rotation, 90, 10, 100, dir.resolve("sprite.jpg"));
        String spriteKey = sink.store(sprite.file(), "image/jpeg");
        Path vtt = dir.resolve("storyboard.vtt");
        java.nio.file.Files.writeString(vtt, StoryboardVtt.of(spriteKey + ".jpg", sprite.tileWidth(),
                sprite.tileHeight(), sprite.columns(), sprite.intervalMs(), sprite.tiles(), sprite.durationMs()));
        return List.of(spriteKey, sink.store(vtt, "text/vtt"));
    }
}
