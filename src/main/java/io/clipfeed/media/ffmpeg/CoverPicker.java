package io.clipfeed.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.ffmpeg.avutil.AVFrame;

import io.clipfeed.media.CoverScore;

/**
 * Picks the best of several candidate frames (spread over the clip, scored by {@link CoverScore}) and writes it,
 * upright, as JPEG and WebP in the requested short-side sizes. Each candidate is scaled at once to the largest
 * size written (never kept at source size) and scored on that picture's luma.
 */
public final class CoverPicker {

    private static final double[] CANDIDATES = {0.1, 0.25, 0.4, 0.55, 0.7, 0.85};

    /** One written image. */
    public record Image(Path file, String contentType, int shortSide) {
    }

    /** Reads the source on its own (see {@link CoverArt} to share one decode with the preview and storyboard). */
    public List<Image> pick(Path source, int rotation, int[] shortSides, Path dir) {
        try (FramePass pass = new FramePass(source);
                Candidates candidates = new Candidates(pass, rotation, shortSides)) {
            pass.run(List.of(candidates));
            return candidates.write(dir);
        }
    }

    /** The candidates as a tap of a {@link FramePass}: keeps the best-scoring one, scaled down. */
    static final class Candidates implements FramePass.Tap, AutoCloseable {

        private final long[] instants;
        private final int rotation;
        private final int[] shortSides;
        private final int largest;
        private int next;
        private AVFrame best;
        private double bestScore = -1;

        Candidates(FramePass pass, int rotation, int[] shortSides) {
            this.instants = new long[CANDIDATES.length];
            for (int i = 0; i < CANDIDATES.length; i++) {
                instants[i] = (long) (pass.durationMicros() * CANDIDATES[i]);
            }
            this.rotation = rotation;
            this.shortSides = shortSides.clone();
            int max = 0;
            for (int side : shortSides) {
                max = Math.max(max, side);
            }
            this.largest = max;
        }

        @Override
        public long wanted() {
            return next < instants.length ? instants[next] : Long.MAX_VALUE;
        }

        @Override
        public void take(AVFrame frame, long micros) {
            next++;
            // scaled but not yet turned: the score does not care which way is up, the turn is done once at the end
            int[] size = SmallPictures.uprightSize(frame.width(), frame.height(), 0, largest);
            AVFrame small = SmallPictures.filterOnce(frame,
                    SmallPictures.chain(0, size[0], size[1], "yuv420p"));
            double score = CoverScore.score(luma(small), small.width(), small.height());
            if (score > bestScore) {
                bestScore = score;
                close();
                best = small;
            } else {
                av_frame_free(small);
            }
        }

        private static byte[] luma(AVFrame frame) {
            byte[] luma = new byte[frame.width() * frame.height()];
            for (int y = 0; y < frame.height(); y++) {
                frame.data(0).position((long) y * frame.linesize(0)).get(luma, y * frame.width(), frame.width());
            }
            return luma;
        }

        /** Writes the best candidate upright as JPEG and WebP per size, largest sizes first as requested. */
        List<Image> write(Path dir) {
            if (best == null) {
                throw new FfmpegException("cover", AVERROR_INVALIDDATA, "no candidate frame decoded");
            }
            List<Image> images = new ArrayList<>();
            for (int shortSide : shortSides) {
                int[] size = SmallPictures.uprightSize(best.width(), best.height(), rotation, shortSide);
                AVFrame jpeg = SmallPictures.filterOnce(best,
                        SmallPictures.chain(rotation, size[0], size[1], "yuvj420p"));
                AVFrame webp = SmallPictures.filterOnce(best,
                        SmallPictures.chain(rotation, size[0], size[1], "yuv420p"));
                try {
                    Path jpg = dir.resolve("cover-" + shortSide + ".jpg");
                    SmallPictures.jpeg(jpeg, jpg);
                    Path wp = dir.resolve("cover-" + shortSide + ".webp");
                    SmallPictures.webp(webp, wp);
                    images.add(new Image(jpg, "image/jpeg", shortSide));
                    images.add(new Image(wp, "image/webp", shortSide));
                } finally {
                    av_frame_free(jpeg);
                    av_frame_free(webp);
                }
            }
            return images;
        }

        @Override
        public void close() {
            if (best != null) {
                av_frame_free(best);
                best = null;
            }
        }
    }
}
