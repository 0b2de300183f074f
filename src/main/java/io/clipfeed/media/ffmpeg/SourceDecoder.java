package io.clipfeed.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Demuxes and decodes the source once. Frames are handed to consumers with timestamps shifted so the clip starts
 * at zero (an MPEG-2 file starting at 0.54 s must not start with half a second of nothing). Undecodable packets
 * are skipped and counted; only a source that is mostly broken fails.
 */
final class SourceDecoder implements AutoCloseable {

    private final AVFormatContext ctx = avformat_alloc_context();
    private final int videoIndex;
    private final int audioIndex;
    private final AVCodecContext video;
    private final AVCodecContext audio;
    private final long durationMicros;
    private int decodedFrames;
    private int brokenPackets;

    SourceDecoder(Path source) {
        FfmpegLog.install();
        Av.check(avformat_open_input(ctx, source.toString(), null, null), "open source");
        Av.check(avformat_find_stream_info(ctx, (PointerPointer<?>) null), "read stream info");
        videoIndex = FfmpegProber.bestVideo(ctx);
        if (videoIndex < 0) {
            throw new FfmpegException("open source", -1, "no video stream");
        }
        audioIndex = av_find_best_stream(ctx, AVMEDIA_TYPE_AUDIO, -1, -1, (PointerPointer<?>) null, 0);
        video = openDecoder(ctx.streams(videoIndex));
        audio = audioIndex >= 0 ? openDecoder(ctx.streams(audioIndex)) : null;
        durationMicros = Math.max(ctx.duration(), 1);
    }

    private static AVCodecContext openDecoder(AVStream stream) {
        AVCodec codec = avcodec_find_decoder(stream.codecpar().codec_id());
        if (codec == null) {
            throw new FfmpegException("open decoder", AVERROR_DECODER_NOT_FOUND(), "no decoder");
        }
        AVCodecContext decoder = avcodec_alloc_context3(codec);
        Av.check(avcodec_parameters_to_context(decoder, stream.codecpar()), "decoder parameters");
        decoder.pkt_timebase(stream.time_base());
        decoder.thread_count(0);
        Av.check(avcodec_open2(decoder, codec, (AVDictionary) null), "open decoder");
        return decoder;
    }

    boolean hasAudio() {
        return audio != null;
    }

    AVRational videoTimeBase() {
        return ctx.streams(videoIndex).time_base();
    }

    AVRational audioTimeBase() {
        return ctx.streams(audioIndex).time_base();
    }

    /** Decodes everything; frames are only lent to the consumers (they take a reference if they keep one). */
    void run(Consumer<AVFrame> onVideo, Consumer<AVFrame> onAudio, BooleanSupplier stop, IntConsumer percent) {
        AVPacket packet = av_packet_alloc();
        AVFrame frame = av_frame_alloc();
        try {
            while (av_read_frame(ctx, packet) >= 0) {
                if (stop.getAsBoolean()) {
                    throw new CancellationException("stopped");
                }
                int index = packet.stream_index();
                if (index == videoIndex || (audio != null && index == audioIndex)) {
                    report(packet, percent);
                    decode(index == videoIndex ? video : audio, packet, frame, index == videoIndex ? onVideo : onAudio);
                }
                av_packet_unref(packet);
            }
            decode(video, null, frame, onVideo);
            if (audio != null) {
                decode(audio, null, frame, onAudio);
            }
        } finally {
            av_frame_free(frame);
            av_packet_free(packet);
        }
        if (decodedFrames == 0 || brokenPackets > Math.max(50, decodedFrames)) {
            throw new FfmpegException("decode", AVERROR_INVALIDDATA, decodedFrames + " frames decoded, "
                    + brokenPackets + " packets broken");
        }
    }

    private void decode(AVCodecContext decoder, AVPacket packet, AVFrame frame, Consumer<AVFrame> sink) {
        if (avcodec_send_packet(decoder, packet) < 0 && packet != null) {
            brokenPackets++;
            return;
        }
        AVStream stream = ctx.streams(decoder == video ? videoIndex : audioIndex);
        long offset = ctx.start_time() == AV_NOPTS_VALUE ? 0
                : av_rescale_q(ctx.start_time(), av_make_q(1, AV_TIME_BASE), stream.time_base());
        int ret;
        while ((ret = avcodec_receive_frame(decoder, frame)) >= 0) {
            long pts = frame.best_effort_timestamp();
            if (pts != AV_NOPTS_VALUE) {
                frame.pts(pts - offset);
                if (decoder == video) {
                    decodedFrames++;
                }
                sink.accept(frame);
            }
            av_frame_unref(frame);
        }
        if (ret != AVERROR_EAGAIN() && ret != AVERROR_EOF) {
            brokenPackets++;
        }
    }

    private void report(AVPacket packet, IntConsumer percent) {
        if (packet.stream_index() == videoIndex && packet.pts() != AV_NOPTS_VALUE && (decodedFrames % 15) == 0) {
            long micros = av_rescale_q(packet.pts(), videoTimeBase(), av_make_q(1, AV_TIME_BASE));
            percent.accept((int) Math.max(0, Math.min(100, micros * 100 / durationMicros)));
        }
    }

    @Override
    public void close() {
        avcodec_free_context(video);
        if (audio != null) {
            avcodec_free_context(audio);
        }
        avformat_close_input(ctx);
    }
}
