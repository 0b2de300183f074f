package io.clipfeed.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.nio.file.Path;
import java.util.Map;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.PointerPointer;

/**
 * How hard a source is to encode, measured the way encoders feel it: a few short samples (start, middle, end)
 * are scaled to {@link #SHORT_SIDE} and encoded with x264 ultrafast at {@link #CRF}; the bits it spends per pixel
 * and frame rank a static talking head far below grain, water or confetti. Costs a fraction of a second.
 */
public final class ComplexityProbe {

    public static final int SHORT_SIDE = 360;
    static final int CRF = 23;
    static final int SAMPLES = 3;
    static final double SAMPLE_SECONDS = 1.5;

    public ComplexityProbe() {
        FfmpegLog.install();
    }

    /** Bits per pixel per frame of the probe encode. */
    public double bitsPerPixel(Path source) {
        FfmpegLog.clear();
        AVFormatContext ctx = avformat_alloc_context();
        try {
            Av.check(avformat_open_input(ctx, source.toString(), null, null), "complexity open");
            Av.check(avformat_find_stream_info(ctx, (PointerPointer<?>) null), "complexity stream info");
            int index = FfmpegProber.bestVideo(ctx);
            if (index < 0) {
                throw new FfmpegException("complexity", AVERROR_STREAM_NOT_FOUND(), "no video stream");
            }
            try (Sampler sampler = new Sampler(ctx, ctx.streams(index))) {
                double seconds = Math.max(0, ctx.duration() / (double) AV_TIME_BASE);
                int samples = seconds < SAMPLES * SAMPLE_SECONDS * 2 ? 1 : SAMPLES;
                for (int i = 0; i < samples; i++) {
                    double start = samples == 1 ? 0 : seconds * (i + 0.5) / samples - SAMPLE_SECONDS / 2;
                    sampler.sample(start, samples == 1 ? Math.min(seconds, 4) : SAMPLE_SECONDS);
                }
                return sampler.bitsPerPixel();
            }
        } finally {
            avformat_close_input(ctx);
        }
    }

    /** Decoder, scaler and probe encoder for one source; counts the encoded bits. */
    private static final class Sampler implements AutoCloseable {

        private final AVFormatContext ctx;
        private final AVStream stream;
        private final AVCodecContext decoder;
        private final AVPacket packet = av_packet_alloc();
        private final AVPacket encoded = av_packet_alloc();
        private final AVFrame frame = av_frame_alloc();
        private final AVFrame scaled = av_frame_alloc();
        private AVCodecContext encoder;
        private FilterGraph scale;
        private long bits;
        private long frames;

        Sampler(AVFormatContext ctx, AVStream stream) {
            this.ctx = ctx;
            this.stream = stream;
            AVCodec codec = avcodec_find_decoder(stream.codecpar().codec_id());
            if (codec == null) {
                throw new FfmpegException("complexity", AVERROR_DECODER_NOT_FOUND(), "no decoder");
            }
            decoder = avcodec_alloc_context3(codec);
            Av.check(avcodec_parameters_to_context(decoder, stream.codecpar()), "complexity decoder");
            decoder.pkt_timebase(stream.time_base());
            decoder.thread_count(0);
            Av.check(avcodec_open2(decoder, codec, (AVDictionary) null), "complexity decoder");
        }

        /** Decodes from {@code startSeconds} (after the preceding keyframe) and encodes {@code seconds} of it. */
        void sample(double startSeconds, double seconds) {
            long origin = ctx.start_time() == AV_NOPTS_VALUE ? 0 : ctx.start_time();
            long from = origin + (long) (startSeconds * AV_TIME_BASE);
            if (startSeconds > 0) {
                av_seek_frame(ctx, -1, from, AVSEEK_FLAG_BACKWARD);
                avcodec_flush_buffers(decoder);
            }
            long first = av_rescale_q(from, av_make_q(1, AV_TIME_BASE), stream.time_base());
            long last = first + av_rescale_q((long) (seconds * AV_TIME_BASE), av_make_q(1, AV_TIME_BASE),
                    stream.time_base());
            boolean done = false;
            while (!done && av_read_frame(ctx, packet) >= 0) {
                if (packet.stream_index() == stream.index() && avcodec_send_packet(decoder, packet) >= 0) {
                    done = drain(first, last);
                }
                av_packet_unref(packet);
            }
        }

        private boolean drain(long first, long last) {
            while (avcodec_receive_frame(decoder, frame) >= 0) {
                long pts = frame.best_effort_timestamp();
                boolean inside = pts != AV_NOPTS_VALUE && pts >= first && pts < last;
                if (inside) {
                    encode(frame);
                }
                av_frame_unref(frame);
                if (pts != AV_NOPTS_VALUE && pts >= last) {
                    return true;
                }
            }
            return false;
        }

        private void encode(AVFrame source) {
            if (scale == null) {
                open(source);
            }
            source.pts(frames);
            scale.push(source);
            while (scale.pull(scaled)) {
                scaled.pts(frames++);
                scaled.pict_type(AV_PICTURE_TYPE_NONE);
                send(scaled);
                av_frame_unref(scaled);
            }
        }

        private void open(AVFrame first) {
            boolean portrait = first.height() > first.width();
            int shortSide = even(Math.min(SHORT_SIDE, Math.min(first.width(), first.height())));
            int width = portrait ? shortSide : even(first.width() * shortSide / first.height());
            int height = portrait ? even(first.height() * shortSide / first.width()) : shortSide;
            scale = FilterGraph.video(first, av_make_q(1, 30), "scale=" + width + ":" + height
                    + ",setsar=1,format=yuv420p");
            AVCodec codec = avcodec_find_encoder_by_name("libx264");
            encoder = avcodec_alloc_context3(codec);
            encoder.width(width);
            encoder.height(height);
            encoder.pix_fmt(AV_PIX_FMT_YUV420P);
            encoder.time_base(av_make_q(1, 30));
            encoder.thread_count(0);
            AVDictionary options = Av.dictionary(Map.of("preset", "ultrafast", "crf", Integer.toString(CRF)));
            try {
                Av.check(avcodec_open2(encoder, codec, options), "complexity encoder");
            } finally {
                av_dict_free(options);
            }
        }

        private static int even(int value) {
            return Math.max(2, value & ~1);
        }

        private void send(AVFrame input) {
            Av.check(avcodec_send_frame(encoder, input), "complexity encode");
            while (avcodec_receive_packet(encoder, encoded) >= 0) {
                bits += encoded.size() * 8L;
                av_packet_unref(encoded);
            }
        }

        double bitsPerPixel() {
            if (encoder == null || frames == 0) {
                throw new FfmpegException("complexity", AVERROR_INVALIDDATA, "no frame decoded");
            }
            send(null);
            return bits / ((double) frames * encoder.width() * encoder.height());
        }

        @Override
        public void close() {
            if (scale != null) {
                scale.close();
            }
            av_frame_free(frame);
            av_frame_free(scaled);
            av_packet_free(packet);
            av_packet_free(encoded);
            avcodec_free_context(decoder);
            if (encoder != null) {
                avcodec_free_context(encoder);
            }
        }
    }
}
