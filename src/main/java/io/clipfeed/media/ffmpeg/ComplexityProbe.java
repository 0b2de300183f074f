package io.clipfeed.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.PointerPointer;

import io.clipfeed.media.SourceAnalysis;

/**
 * Per-title analysis: a few short samples of the source (start, middle, end) are scaled to {@link #SHORT_SIDE} and
 * encoded with the ladder's x264 preset at each trial CRF; every trial reports the SSIM it reached against the
 * scaled samples and the bits per pixel it spent ({@link CrfTrialEncoder}). Decoding and scaling happen once for
 * all trials. The samples are a small share of the clip (see {@link #sampleSeconds}) so the analysis stays cheap
 * next to the ladder.
 */
public final class ComplexityProbe {

    public static final int SHORT_SIDE = 360;
    /**
     * Trial CRFs: they bracket SSIM 0.97–0.99 on phone footage at the veryfast preset, and SSIM is close to linear
     * in CRF over this span, so two trials suffice (a third at 26 changed no decision on the sample clips).
     */
    public static final List<Integer> TRIAL_CRFS = List.of(22, 30);
    static final int SAMPLES = 3;
    /** Share of the clip the samples cover, and their bounds in seconds (all samples together). */
    static final double SAMPLED_SHARE = 0.08;
    static final double MIN_SAMPLED_SECONDS = 0.7;
    /** Shorter clips get one sample from the middle: three tiny samples would be mostly keyframes. */
    static final double ONE_SAMPLE_BELOW_SECONDS = 10;
    static final double MAX_SAMPLED_SECONDS = 4.5;

    public ComplexityProbe() {
        FfmpegLog.install();
    }

    /** How many seconds of a clip of {@code seconds} are sampled in total. */
    static double sampleSeconds(double seconds) {
        return Math.min(seconds, Math.max(MIN_SAMPLED_SECONDS, Math.min(MAX_SAMPLED_SECONDS,
                seconds * SAMPLED_SHARE)));
    }

    /** One trial per CRF in {@code crfs}, ordered as given, each encoded with x264 {@code preset}. */
    public List<SourceAnalysis.CrfTrial> trials(Path source, String preset, List<Integer> crfs) {
        return trials(source, List.of(preset), crfs).get(preset);
    }

    /**
     * One trial per preset and CRF, from one decode of the samples: per preset (in the order given), the trials
     * ordered as {@code crfs}.
     */
    public Map<String, List<SourceAnalysis.CrfTrial>> trials(Path source, List<String> presets, List<Integer> crfs) {
        FfmpegLog.clear();
        AVFormatContext ctx = avformat_alloc_context();
        try {
            Av.check(avformat_open_input(ctx, source.toString(), null, null), "complexity open");
            Av.check(avformat_find_stream_info(ctx, (PointerPointer<?>) null), "complexity stream info");
            int index = FfmpegProber.bestVideo(ctx);
            if (index < 0) {
                throw new FfmpegException("complexity", AVERROR_STREAM_NOT_FOUND(), "no video stream");
            }
            try (Sampler sampler = new Sampler(ctx, ctx.streams(index), presets, crfs)) {
                double seconds = Math.max(0, ctx.duration() / (double) AV_TIME_BASE);
                double sampled = sampleSeconds(seconds);
                int samples = seconds < ONE_SAMPLE_BELOW_SECONDS ? 1 : SAMPLES;
                for (int i = 0; i < samples; i++) {
                    double start = Math.max(0, seconds * (i + 0.5) / samples - sampled / samples / 2);
                    sampler.sample(start, Math.max(sampled / samples, 0.2));
                }
                return sampler.finish();
            }
        } finally {
            avformat_close_input(ctx);
        }
    }

    /** Decoder and scaler for one source, feeding every trial encoder the same scaled pictures. */
    private static final class Sampler implements AutoCloseable {

        private final AVFormatContext ctx;
        private final AVStream stream;
        private final AVCodecContext decoder;
        private final AVPacket packet = av_packet_alloc();
        private final AVPacket encoded = av_packet_alloc();
        private final AVFrame frame = av_frame_alloc();
        private final AVFrame scaled = av_frame_alloc();
        private final List<String> presets;
        private final List<Integer> crfs;
        private final List<CrfTrialEncoder> trials = new ArrayList<>();
        private FilterGraph scale;
        private long frames;
        private long decodedUpTo = AV_NOPTS_VALUE;

        Sampler(AVFormatContext ctx, AVStream stream, List<String> presets, List<Integer> crfs) {
            this.ctx = ctx;
            this.stream = stream;
            this.presets = List.copyOf(presets);
            this.crfs = crfs;
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
            long first = av_rescale_q(from, av_make_q(1, AV_TIME_BASE), stream.time_base());
            if (startSeconds > 0 && seekSaves(first)) {
                av_seek_frame(ctx, -1, from, AVSEEK_FLAG_BACKWARD);
                avcodec_flush_buffers(decoder);
            }
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

        /**
         * Whether seeking to {@code target} skips decoding: phone clips often have one keyframe in several seconds,
         * and seeking back to it would decode again what reading on decodes once.
         */
        private boolean seekSaves(long target) {
            int entry = av_index_search_timestamp(stream, target, AVSEEK_FLAG_BACKWARD);
            if (entry < 0 || decodedUpTo == AV_NOPTS_VALUE) {
                return true;
            }
            return avformat_index_get_entry(stream, entry).timestamp() > decodedUpTo;
        }

        private boolean drain(long first, long last) {
            while (avcodec_receive_frame(decoder, frame) >= 0) {
                long pts = frame.best_effort_timestamp();
                decodedUpTo = pts == AV_NOPTS_VALUE ? decodedUpTo : pts;
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
                for (CrfTrialEncoder trial : trials) {
                    trial.encode(scaled);
                }
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
            for (String preset : presets) {
                for (int crf : crfs) {
                    trials.add(new CrfTrialEncoder(width, height, preset, crf));
                }
            }
        }

        private static int even(int value) {
            return Math.max(2, value & ~1);
        }

        Map<String, List<SourceAnalysis.CrfTrial>> finish() {
            if (trials.isEmpty() || frames == 0) {
                throw new FfmpegException("complexity", AVERROR_INVALIDDATA, "no frame decoded");
            }
            Map<String, List<SourceAnalysis.CrfTrial>> byPreset = new LinkedHashMap<>();
            for (int i = 0; i < presets.size(); i++) {
                byPreset.put(presets.get(i), trials.subList(i * crfs.size(), (i + 1) * crfs.size()).stream()
                        .map(CrfTrialEncoder::finish).toList());
            }
            return byPreset;
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
            trials.forEach(CrfTrialEncoder::close);
        }
    }
}
