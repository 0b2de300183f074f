package io.clipfeed.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Helpers for the small pictures made from source frames: the filter chain that turns a frame upright and scales it
 * (straight from the source size to the small one: no full-size copy, no RGB at full size), and still images
 * encoded in memory (JPEG by mjpeg, WebP by libwebp; each encoder's single packet is the whole file).
 */
final class SmallPictures {

    private SmallPictures() {
    }

    /** The upright size of a {@code width}×{@code height} frame turned by {@code rotation}, short side at most
     * {@code shortSide}. */
    static int[] uprightSize(int width, int height, int rotation, int shortSide) {
        boolean quarter = rotation == 90 || rotation == 270;
        int w = quarter ? height : width;
        int h = quarter ? width : height;
        int side = Math.min(shortSide, Math.min(w, h));
        return w < h ? new int[] {even(side), even(side * (double) h / w)}
                : new int[] {even(side * (double) w / h), even(side)};
    }

    /**
     * Scale (area averaging: the right filter for a large reduction), then turn upright, square pixels and
     * {@code pixelFormat}. The scale comes first so the turn works on the small picture.
     */
    static String chain(int rotation, int uprightWidth, int uprightHeight, String pixelFormat) {
        boolean quarter = rotation == 90 || rotation == 270;
        int w = quarter ? uprightHeight : uprightWidth;
        int h = quarter ? uprightWidth : uprightHeight;
        String turn = switch (rotation) {
            case 90 -> ",transpose=clock";
            case 180 -> ",hflip,vflip";
            case 270 -> ",transpose=cclock";
            default -> "";
        };
        return "scale=" + w + ":" + h + ":flags=area" + turn + ",setsar=1,format=" + pixelFormat;
    }

    /** Runs {@code frame} through {@code chain} once and returns the result (the caller frees it). */
    static AVFrame filterOnce(AVFrame frame, String chain) {
        try (FilterGraph graph = FilterGraph.video(frame, av_make_q(1, 1000), chain)) {
            AVFrame out = av_frame_alloc();
            graph.push(frame);
            graph.push(null);
            if (!graph.pull(out)) {
                av_frame_free(out);
                throw new FfmpegException("picture", AVERROR_INVALIDDATA, "filter gave no picture: " + chain);
            }
            return out;
        }
    }

    /** JPEG at mjpeg quantiser 3 (very good; covers are looked at) from a yuvj420p picture. */
    static void jpeg(AVFrame picture, Path file) {
        encode(picture, "mjpeg", AV_PIX_FMT_YUVJ420P, 3, Map.of(), file);
    }

    /** Lossy WebP at quality 80 from a yuv420p picture. */
    static void webp(AVFrame picture, Path file) {
        encode(picture, "libwebp", AV_PIX_FMT_YUV420P, 0, Map.of("quality", "80"), file);
    }

    private static void encode(AVFrame picture, String name, int pixelFormat, int qscale, Map<String, String> options,
            Path file) {
        AVCodec codec = avcodec_find_encoder_by_name(name);
        if (codec == null) {
            throw new FfmpegException("picture", AVERROR_ENCODER_NOT_FOUND(), "no " + name + " encoder");
        }
        AVCodecContext ctx = avcodec_alloc_context3(codec);
        AVPacket packet = av_packet_alloc();
        AVDictionary dict = Av.dictionary(options);
        try {
            ctx.width(picture.width());
            ctx.height(picture.height());
            ctx.pix_fmt(pixelFormat);
            ctx.time_base(av_make_q(1, 1));
            if (qscale > 0) {
                ctx.flags(ctx.flags() | AV_CODEC_FLAG_QSCALE);
                ctx.global_quality(FF_QP2LAMBDA * qscale);
                picture.quality(FF_QP2LAMBDA * qscale);
            }
            Av.check(avcodec_open2(ctx, codec, dict), "open " + name);
            picture.pts(0);
            Av.check(avcodec_send_frame(ctx, picture), "encode " + name);
            Av.check(avcodec_send_frame(ctx, null), "flush " + name);
            byte[] bytes = null;
            while (avcodec_receive_packet(ctx, packet) >= 0) {
                bytes = new byte[packet.size()];
                packet.data().get(bytes);
                av_packet_unref(packet);
            }
            if (bytes == null) {
                throw new FfmpegException("picture", AVERROR_INVALIDDATA, name + " gave no picture");
            }
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            av_dict_free(dict);
            av_packet_free(packet);
            avcodec_free_context(ctx);
        }
    }

    static int even(double value) {
        int rounded = (int) Math.round(value);
        return Math.max(2, rounded - rounded % 2);
    }
}
