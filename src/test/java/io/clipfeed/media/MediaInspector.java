package io.clipfeed.media;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.javacpp.PointerPointer;

import io.clipfeed.media.ffmpeg.FfmpegProber;

/** Looks at produced files the way a player would: streams, keyframe instants, top-level MP4 boxes. */
final class MediaInspector {

    /**
     * {@code longestBRun}: the most frames shown between two frames decoded in display order (I/P), i.e. the longest
     * run of B-frames, read from the timestamps alone.
     */
    record Packets(int videoPackets, List<Double> keyframeSeconds, double lastVideoSecond, int longestBRun) {
    }

    record Box(String type, long offset, long size) {
    }

    private MediaInspector() {
    }

    static Probe probe(Path file) {
        return new FfmpegProber().probe(file, p -> true).orElseThrow();
    }

    static Packets packets(Path file) {
        AVFormatContext ctx = avformat_alloc_context();
        AVPacket packet = av_packet_alloc();
        try {
            if (avformat_open_input(ctx, file.toString(), null, null) < 0
                    || avformat_find_stream_info(ctx, (PointerPointer<?>) null) < 0) {
                throw new IllegalStateException("cannot open " + file);
            }
            int video = av_find_best_stream(ctx, AVMEDIA_TYPE_VIDEO, -1, -1, (PointerPointer<?>) null, 0);
            AVStream stream = ctx.streams(video);
            double tb = stream.time_base().num() / (double) stream.time_base().den();
            List<Double> keys = new ArrayList<>();
            double frameSeconds = av_q2d(stream.avg_frame_rate()) > 0 ? 1 / av_q2d(stream.avg_frame_rate()) : 1;
            int count = 0;
            int longestBRun = 0;
            double last = 0;
            while (av_read_frame(ctx, packet) >= 0) {
                if (packet.stream_index() == video) {
                    double t = packet.pts() * tb;
                    if (count > 0 && t > last) { // shown after everything decoded so far: an anchor (I or P)
                        longestBRun = Math.max(longestBRun, (int) Math.round((t - last) / frameSeconds) - 1);
                    }
                    count++;
                    last = Math.max(last, t);
                    if ((packet.flags() & AV_PKT_FLAG_KEY) != 0) {
                        keys.add(t);
                    }
                }
                av_packet_unref(packet);
            }
            return new Packets(count, keys, last, longestBRun);
        } finally {
            av_packet_free(packet);
            avformat_close_input(ctx);
        }
    }

    static List<Box> topLevelBoxes(Path mp4) throws IOException {
        List<Box> boxes = new ArrayList<>();
        try (RandomAccessFile file = new RandomAccessFile(mp4.toFile(), "r")) {
            long offset = 0;
            while (offset + 8 <= file.length()) {
                file.seek(offset);
                long size = file.readInt() & 0xffffffffL;
                byte[] type = new byte[4];
                file.readFully(type);
                if (size == 1) {
                    size = file.readLong();
                }
                boxes.add(new Box(new String(type, java.nio.charset.StandardCharsets.US_ASCII), offset, size));
                if (size < 8) {
                    break;
                }
                offset += size;
            }
        }
        return boxes;
    }

    static List<String> boxTypes(Path mp4) throws IOException {
        return topLevelBoxes(mp4).stream().map(Box::type).toList();
    }

    /** How the video stream is labelled: sample entry (codec tag), pixel format, colour primaries and transfer. */
    record VideoLabels(String codec, String codecTag, String pixelFormat, String primaries, String transfer,
            int width, int height) {
    }

    static VideoLabels labels(Path file) {
        AVFormatContext ctx = avformat_alloc_context();
        try {
            if (avformat_open_input(ctx, file.toString(), null, null) < 0
                    || avformat_find_stream_info(ctx, (PointerPointer<?>) null) < 0) {
                throw new IllegalStateException("cannot open " + file);
            }
            int video = av_find_best_stream(ctx, AVMEDIA_TYPE_VIDEO, -1, -1, (PointerPointer<?>) null, 0);
            org.bytedeco.ffmpeg.avcodec.AVCodecParameters par = ctx.streams(video).codecpar();
            int tag = par.codec_tag();
            String fourcc = new String(new byte[] {(byte) tag, (byte) (tag >> 8), (byte) (tag >> 16),
                    (byte) (tag >> 24)}, java.nio.charset.StandardCharsets.US_ASCII);
            return new VideoLabels(avcodec_get_name(par.codec_id()).getString(), fourcc,
                    av_get_pix_fmt_name(par.format()).getString(),
                    av_color_primaries_name(par.color_primaries()).getString(),
                    av_color_transfer_name(par.color_trc()).getString(), par.width(), par.height());
        } finally {
            avformat_close_input(ctx);
        }
    }

    /** Frames that really decode (not just packets), the way a player would count them. */
    static int decodedFrames(Path file) throws Exception {
        int frames = 0;
        try (org.bytedeco.javacv.FFmpegFrameGrabber grabber = new org.bytedeco.javacv.FFmpegFrameGrabber(
                file.toFile())) {
            grabber.start();
            while (grabber.grabImage() != null) {
                frames++;
            }
            grabber.stop();
        }
        return frames;
    }
}
