package io.clipfeed.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.util.Locale;
import java.util.function.Consumer;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;

import io.clipfeed.media.TranscodePlan;

/**
 * Resamples the source audio to 48 kHz stereo, normalises its loudness (EBU R128) and encodes it to AAC-LC once;
 * every rung muxes the same packets, so audio is never encoded more than once per ladder.
 */
final class AudioChain implements AutoCloseable {

    private final AVCodecContext encoder;
    private final AVRational sourceTimeBase;
    private final AVFrame filtered = av_frame_alloc();
    private final AVPacket packet = av_packet_alloc();
    private FilterGraph filter;

    private final String chain;

    AudioChain(AVRational sourceTimeBase, TranscodePlan.AudioPlan plan) {
        this.sourceTimeBase = sourceTimeBase;
        this.chain = chain(plan);
        int sampleRate = plan.sampleRate();
        long bitrate = plan.bitrate();
        AVCodec codec = avcodec_find_encoder_by_name("aac");
        encoder = avcodec_alloc_context3(codec);
        encoder.sample_rate(sampleRate);
        encoder.sample_fmt(AV_SAMPLE_FMT_FLTP);
        av_channel_layout_default(encoder.ch_layout(), 2);
        encoder.bit_rate(bitrate);
        encoder.profile(AV_PROFILE_AAC_LOW);
        encoder.time_base(av_make_q(1, sampleRate));
        encoder.flags(encoder.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
        Av.check(avcodec_open2(encoder, codec, (AVDictionary) null), "open aac encoder");
    }

    /** 48 kHz stereo (what the measurement saw), loudness-normalised, back to 48 kHz (loudnorm works at 192). */
    static String chain(TranscodePlan.AudioPlan plan) {
        String stereo = STEREO_48K.formatted(plan.sampleRate());
        return stereo + "," + loudnorm(plan) + "," + stereo;
    }

    static final String STEREO_48K = "aresample=%d,aformat=sample_fmts=fltp:channel_layouts=stereo";

    /**
     * EBU R128 normalisation. With the source measured (two-pass) loudnorm applies one linear gain, which keeps
     * the dynamics; it falls back to its dynamic mode by itself when that gain would push the true peak over the
     * ceiling. Without a measurement (the instant rung) it runs single-pass dynamic.
     */
    static String loudnorm(TranscodePlan.AudioPlan plan) {
        String target = String.format(Locale.ROOT, "loudnorm=I=%.1f:TP=%.1f:LRA=%.1f", plan.targetLufs(), TRUE_PEAK,
                LOUDNESS_RANGE);
        TranscodePlan.Loudness m = plan.measured();
        if (m == null || !Double.isFinite(m.integrated()) || m.integrated() < -70) {
            return target;
        }
        return target + String.format(Locale.ROOT,
                ":measured_I=%.2f:measured_LRA=%.2f:measured_TP=%.2f:measured_thresh=%.2f:linear=true",
                m.integrated(), Math.max(0, m.range()), Math.min(99, m.truePeak()), m.integrated() - 10);
    }

    /** Short clips are mostly speech and music meant to be heard as made: allow a wide loudness range. */
    static final double LOUDNESS_RANGE = 20;
    static final double TRUE_PEAK = -1.5;

    AVCodecContext encoder() {
        return encoder;
    }

    /** Encodes a decoded source frame (or null at the end); each finished packet is lent to {@code out}. */
    void accept(AVFrame frame, Consumer<AVPacket> out) {
        if (filter == null) {
            if (frame == null) {
                return;
            }
            filter = FilterGraph.audio(frame, sourceTimeBase, chain, encoder.frame_size());
        }
        filter.push(frame);
        while (filter.pull(filtered)) {
            filtered.pts(av_rescale_q(filtered.pts(), filter.outputTimeBase(), encoder.time_base()));
            encode(filtered, out);
            av_frame_unref(filtered);
        }
        if (frame == null) {
            encode(null, out);
        }
    }

    private void encode(AVFrame frame, Consumer<AVPacket> out) {
        Av.check(avcodec_send_frame(encoder, frame), "encode audio");
        while (avcodec_receive_packet(encoder, packet) >= 0) {
            out.accept(packet);
            av_packet_unref(packet);
        }
    }

    @Override
    public void close() {
        if (filter != null) {
            filter.close();
        }
        av_frame_free(filtered);
        av_packet_free(packet);
        avcodec_free_context(encoder);
    }
}
