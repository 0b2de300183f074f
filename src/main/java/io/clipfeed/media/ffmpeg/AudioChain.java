package io.clipfeed.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.util.function.Consumer;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * Resamples the source audio to 48 kHz stereo and encodes it to AAC-LC once; every rung muxes the same packets,
 * so audio is never encoded more than once per ladder.
 */
final class AudioChain implements AutoCloseable {

    private final AVCodecContext encoder;
    private final AVRational sourceTimeBase;
    private final AVFrame filtered = av_frame_alloc();
    private final AVPacket packet = av_packet_alloc();
    private FilterGraph filter;

    AudioChain(AVRational sourceTimeBase, int sampleRate, long bitrate) {
        this.sourceTimeBase = sourceTimeBase;
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

    AVCodecContext encoder() {
        return encoder;
    }

    /** Encodes a decoded source frame (or null at the end); each finished packet is lent to {@code out}. */
    void accept(AVFrame frame, Consumer<AVPacket> out) {
        if (filter == null) {
            if (frame == null) {
                return;
            }
            filter = FilterGraph.audio(frame, sourceTimeBase, "aresample=" + encoder.sample_rate()
                    + ",aformat=sample_fmts=fltp:channel_layouts=stereo", encoder.frame_size());
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
