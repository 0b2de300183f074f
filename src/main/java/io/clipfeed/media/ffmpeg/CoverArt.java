package io.clipfeed.media.ffmpeg;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything the covers step makes from one decode of the source: cover candidates ({@link CoverPicker}), the
 * animated preview ({@link PreviewMaker}) and the storyboard ({@link StoryboardMaker}) are taps of a single
 * {@link FramePass}, so a large source is read once, forward, and only its needed frames are decoded.
 */
public final class CoverArt {

    /** What to make: cover sizes; preview short side, length and rate; storyboard tile size, columns, tile limit. */
    public record Request(int[] coverSides, int previewSide, int previewSeconds, int previewFps, int tileSide,
            int columns, int maxTiles) {
    }

    /** The written covers (JPEG and WebP per size), the preview and the storyboard sprite. */
    public record Result(List<CoverPicker.Image> covers, Path preview, StoryboardMaker.Sprite sprite) {
    }

    public Result make(Path source, int rotation, Request request, Path dir) {
        try (FramePass pass = new FramePass(source);
                CoverPicker.Candidates candidates = new CoverPicker.Candidates(pass, rotation, request.coverSides());
                PreviewMaker.Recording preview = new PreviewMaker.Recording(pass, rotation, request.previewSide(),
                        request.previewSeconds(), request.previewFps(), dir.resolve("preview.webp"))) {
            StoryboardMaker.Tiles tiles = new StoryboardMaker.Tiles(pass, rotation, request.tileSide(),
                    request.columns(), request.maxTiles());
            pass.run(List.of(candidates, preview, tiles));
            return new Result(candidates.write(dir), preview.finish(), tiles.write(dir.resolve("sprite.jpg")));
        }
    }
}
