package io.clipfeed.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.*;

import java.nio.file.Path;

import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * A short, silent, looping animated WebP of the clip (what a feed shows on hover or while the video loads),
 * upright and small: {@code seconds} from a quarter into the clip at {@code fps}.
 */
public final class PreviewMaker {

    public Path preview(Path source, int rotation, int shortSide, int seconds, int fps, Path target) {
        FfmpegLog.install();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(source.toFile())) {
            grabber.setPixelFormat(AV_PIX_FMT_YUV420P);
            grabber.start();
            long length = grabber.getLengthInTime();
            long start = Math.max(0, Math.min(length / 4, length - seconds * 1_000_000L));
            grabber.setTimestamp(start);
            String chain = turn(rotation) + "scale='if(lt(iw,ih)," + shortSide + ",-2)':'if(lt(iw,ih),-2,"
                    + shortSide + ")',setsar=1";
            try (FFmpegFrameFilter filter = new FFmpegFrameFilter(chain, grabber.getImageWidth(),
                    grabber.getImageHeight())) {
                filter.setPixelFormat(AV_PIX_FMT_YUV420P);
                filter.start();
                record(grabber, filter, start, seconds, fps, target);
            }
            return target;
        } catch (FfmpegException e) {
            throw e;
        } catch (Exception e) {
            throw FfmpegException.of("preview", e, null);
        }
    }

    /** Samples frames by their real timestamps (sources are often VFR), one per 1/fps tick. */
    private static void record(FFmpegFrameGrabber grabber, FFmpegFrameFilter filter, long start, int seconds,
            int fps, Path target) throws Exception {
        FFmpegFrameRecorder recorder = null;
        long tick = 1_000_000L / fps;
        long next = start;
        int wanted = seconds * fps;
        int written = 0;
        try {
            Frame frame;
            while (written < wanted && (frame = grabber.grabImage()) != null) {
                if (frame.timestamp < next) {
                    continue;
                }
                next += tick * Math.max(1, (frame.timestamp - next) / tick + 1);
                written++;
                filter.push(frame);
                Frame scaled;
                while ((scaled = filter.pull()) != null) {
                    if (recorder == null) {
                        recorder = open(target, scaled, fps);
                    }
                    recorder.record(scaled, AV_PIX_FMT_YUV420P);
                }
            }
        } finally {
            if (recorder != null) {
                recorder.close();
            }
        }
        if (recorder == null) {
            throw new FfmpegException("preview", -1, "no frames");
        }
    }

    private static FFmpegFrameRecorder open(Path target, Frame first, int fps) throws Exception {
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(target.toFile(), first.imageWidth, first.imageHeight, 0);
        recorder.setFormat("webp");
        recorder.setVideoCodecName("libwebp_anim");
        recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
        recorder.setFrameRate(fps);
        recorder.setVideoQuality(70);
        recorder.setOption("loop", "0");
        recorder.start();
        return recorder;
    }

    private static String turn(int rotation) {
        return switch (rotation) {
            case 90 -> "transpose=clock,";
            case 180 -> "hflip,vflip,";
            case 270 -> "transpose=cclock,";
            default -> "";
        };
    }
}
