package io.clipfeed.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.clipfeed.catalog.Catalog;
import io.clipfeed.media.ffmpeg.CoverArt;
import io.clipfeed.media.ffmpeg.CoverPicker;
import io.clipfeed.media.ffmpeg.StoryboardMaker;

/**
 * The cover (best of several candidate frames, as JPEG — the catalog's cover — and WebP, large and small) and a
 * 3 s animated WebP preview, and a storyboard sprite with its WebVTT index for scrubbing, all from one decode of
 * the source ({@link CoverArt}).
 */
@Component
class CoverStep {

    static final int[] SIZES = {720, 360};
    /** Covers 720 and 360; a 3 s preview at 240 and 10 fps; storyboard tiles of 90, 10 a row, at most 100. */
    static final CoverArt.Request REQUEST = new CoverArt.Request(SIZES, 240, 3, 10, 90, 10, 100);

    private final SourceInspector inspector;
    private final MediaBlobs blobs;
    private final Catalog catalog;
    private final CoverArt coverArt = new CoverArt();

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
        CoverArt.Result art = coverArt.make(source, accepted.probe().video().rotation(), REQUEST, context.workDir());
        if (context.stop().getAsBoolean()) {
            // removed (or out of time) while the pictures were made: nothing may be stored for it now
            throw new java.util.concurrent.CancellationException("media step stopped");
        }
        AssetSink sink = blobs.sinkFor(job.videoId());
        List<String> keys = new ArrayList<>();
        String cover = null;
        for (CoverPicker.Image image : art.covers()) {
            String key = sink.store(image.file(), image.contentType());
            keys.add(key);
            if (cover == null && "image/jpeg".equals(image.contentType())) {
                cover = key;
            }
        }
        keys.add(sink.store(art.preview(), "image/webp"));
        keys.addAll(storyboard(art.sprite(), context.workDir(), sink));
        catalog.recordAssets(job.videoId(), keys);
        catalog.recordCover(job.videoId(), cover);
        context.progress().report(100);
    }

    /** The sprite and its WebVTT index, which names the sprite by its content address ({@code <sha256>.jpg}). */
    private static List<String> storyboard(StoryboardMaker.Sprite sprite, Path dir, AssetSink sink) throws IOException {
        String spriteKey = sink.store(sprite.file(), "image/jpeg");
        Path vtt = dir.resolve("storyboard.vtt");
        Files.writeString(vtt, StoryboardVtt.of(spriteKey + ".jpg", sprite.tileWidth(),
                sprite.tileHeight(), sprite.columns(), sprite.intervalMs(), sprite.tiles(), sprite.durationMs()));
        return List.of(spriteKey, sink.store(vtt, "text/vtt"));
    }
}
