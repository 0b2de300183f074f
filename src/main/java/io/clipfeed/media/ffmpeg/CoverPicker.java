package io.clipfeed.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.*;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

import io.clipfeed.media.CoverScore;

/**
 * Picks the best of several candidate frames (spread over the clip, scored by {@link CoverScore}) and writes it,
 * upright, as JPEG and WebP in the requested short-side sizes.
 */
public final class CoverPicker {

    private static final double[] CANDIDATES = {0.1, 0.25, 0.4, 0.55, 0.7, 0.85};

    /** One written image. */
    public record Image(Path file, String contentType, int shortSide) {
    }

    public List<Image> pick(Path source, int rotation, int[] shortSides, Path dir) {
        FfmpegLog.install();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(source.toFile())) {
            grabber.setPixelFormat(AV_PIX_FMT_GRAY8);
            grabber.start();
            long best = bestTimestamp(grabber);
            grabber.setPixelFormat(AV_PIX_FMT_YUV420P);
            grabber.restart();
            grabber.setTimestamp(best);
            Frame frame = grabber.grabImage();
            if (frame == null) {
                throw new FfmpegException("cover", -1, "no frame at " + best);
            }
            List<Image> images = new ArrayList<>();
            for (int shortSide : shortSides) {
                images.addAll(write(frame, grabber, rotation, shortSide, dir));
            }
            return images;
        } catch (FfmpegException e) {
            throw e;
        } catch (Exception e) {
            throw FfmpegException.of("cover", e, null);
        }
    }

    private static long bestTimestamp(FFmpegFrameGrabber grabber) throws Exception {
        long duration = Math.max(grabber.getLengthInTime(), 1);
        long best = 0;
        double bestScore = -1;
        for (double at : CANDIDATES) {
            long timestamp = (long) (duration * at);
            grabber.setTimestamp(timestamp);
            Frame frame = grabber.grabImage();
            if (frame == null) {
                continue;
            }
            double score = CoverScore.score(luma(frame), frame.imageWidth, frame.imageHeight);
            if (score > bestScore) {
                bestScore = score;
                best = frame.timestamp;
            }
        }
        return best;
    }

    private static byte[] luma(Frame frame) {
        ByteBuffer plane = (ByteBuffer) frame.image[0];
        byte[] luma = new byte[frame.imageWidth * frame.imageHeight];
        for (int y = 0; y < frame.imageHeight; y++) {
            plane.get(y * frame.imageStride, luma, y * frame.imageWidth, frame.imageWidth);
        }
        return luma;
    }

    private static List<Image> write(Frame frame, FFmpegFrameGrabber grabber, int rotation, int shortSide,
            Path dir) throws Exception {
        String turn = switch (rotation) {
            case 90 -> "transpose=clock,";
            case 180 -> "hflip,vflip,";
            case 270 -> "transpose=cclock,";
            default -> "";
        };
        String scale = "scale='if(lt(iw,ih),min(" + shortSide + ",iw),-2)':'if(lt(iw,ih),-2,min(" + shortSide
                + ",ih))',setsar=1";
        try (FFmpegFrameFilter filter = new FFmpegFrameFilter(turn + scale, frame.imageWidth, frame.imageHeight)) {
            filter.setPixelFormat(grabber.getPixelFormat());
            filter.start();
            filter.push(frame);
            Frame upright = filter.pull();
            return List.of(encode(upright, dir.resolve("cover-" + shortSide + ".jpg"), "mjpeg", "image2",
                    AV_PIX_FMT_YUVJ420P, "image/jpeg", shortSide),
                    encode(upright, dir.resolve("cover-" + shortSide + ".webp"), "libwebp", "webp",
                            AV_PIX_FMT_YUV420P, "image/webp", shortSide));
        }
    }

    private static Image encode(Frame frame, Path file, String codec, String format, int pixelFormat, String type,
            int shortSide) throws Exception {
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), frame.imageWidth,
                frame.imageHeight, 0)) {
            recorder.setFormat(format);
            recorder.setVideoCodecName(codec);
            recorder.setPixelFormat(pixelFormat);
            recorder.setVideoQuality("mjpeg".equals(codec) ? 3 : 80);
            recorder.setFrameRate(1);
            recorder.start();
            recorder.record(frame, AV_PIX_FMT_YUV420P);
            recorder.stop();
        }
        return new Image(file, type, shortSide);
    }
}
