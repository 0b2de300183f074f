package io.clipfeed.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.nio.file.Path;
import java.util.List;

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
 * One forward decode of the source's video for the small pictures (cover candidates, animated preview, storyboard
 * tiles): every {@link Tap} says which instant it wants next, and each decoded frame is lent to the taps whose
 * instant it reached. Only what is needed is decoded: when the container's index has a keyframe between what has
 * been read and the next wanted instant, the pass seeks forward to it; and while the next wanted instant is far
 * ahead, frames nothing refers to (most B-frames) are not decoded at all. Frames are handed over at the source's
 * size; taps scale them down themselves, straight to the small picture they need.
 */
final class FramePass implements AutoCloseable {

    /** A consumer of frames at instants it chooses (microseconds from the clip's first frame). */
    interface Tap {

        /** The next instant wanted, or {@link Long#MAX_VALUE} once the tap has all it needs. Must advance on take. */
        long wanted();

        /** The first decoded frame at or after {@link #wanted()}; lent (take a reference to keep it). */
        void take(AVFrame frame, long micros);
    }

    /** Frames further than this before the next wanted instant are skipped if nothing refers to them. */
    static final long SKIP_AHEAD_MICROS = 500_000;
    private static final AVRational MICROS = av_make_q(1, AV_TIME_BASE);

    private final AVFormatContext ctx = avformat_alloc_context();
    private final AVStream stream;
    private final AVCodecContext decoder;
    private final long originTs;
    private final long durationMicros;
    private long readUpTo = AV_NOPTS_VALUE;
    private int decoded;

    FramePass(Path source) {
        FfmpegLog.install();
        FfmpegLog.clear();
        Av.check(avformat_open_input(ctx, source.toString(), null, null), "open source");
        Av.check(avformat_find_stream_info(ctx, (PointerPointer<?>) null), "read stream info");
        int index = FfmpegProber.bestVideo(ctx);
        if (index < 0) {
            throw new FfmpegException("open source", AVERROR_STREAM_NOT_FOUND(), "no video stream");
        }
        stream = ctx.streams(index);
        for (int i = 0; i < ctx.nb_streams(); i++) {
            if (i != index) {
                ctx.streams(i).discard(AVDISCARD_ALL); // audio and other tracks are not even demuxed
            }
        }
        AVCodec codec = avcodec_find_decoder(stream.codecpar().codec_id());
        if (codec == null) {
            throw new FfmpegException("open decoder", AVERROR_DECODER_NOT_FOUND(), "no decoder");
        }
        decoder = avcodec_alloc_context3(codec);
        Av.check(avcodec_parameters_to_context(decoder, stream.codecpar()), "decoder parameters");
        decoder.pkt_timebase(stream.time_base());
        decoder.thread_count(0);
        Av.check(avcodec_open2(decoder, codec, (AVDictionary) null), "open decoder");
        long origin = ctx.start_time() == AV_NOPTS_VALUE ? 0 : ctx.start_time();
        originTs = av_rescale_q(origin, MICROS, stream.time_base());
        long duration = ctx.duration() > 0 ? ctx.duration()
                : stream.duration() > 0 ? av_rescale_q(stream.duration(), stream.time_base(), MICROS) : 1;
        durationMicros = Math.max(1, duration);
    }

    long durationMicros() {
        return durationMicros;
    }

    int width() {
        return stream.codecpar().width();
    }

    int height() {
        return stream.codecpar().height();
    }

    /** Decodes forward until every tap is satisfied or the video ends; at the end, the last frame fills in. */
    void run(List<? extends Tap> taps) {
        AVPacket packet = av_packet_alloc();
        AVFrame frame = av_frame_alloc();
        AVFrame last = av_frame_alloc();
        long lastMicros = -1;
        try {
            long next;
            while ((next = next(taps)) != Long.MAX_VALUE) {
                seekTowards(next);
                if (av_read_frame(ctx, packet) < 0) {
                    break;
                }
                if (packet.stream_index() == stream.index()) {
                    long ts = packet.dts() != AV_NOPTS_VALUE ? packet.dts() : packet.pts();
                    if (ts != AV_NOPTS_VALUE) {
                        readUpTo = Math.max(readUpTo, ts);
                    }
                    boolean far = next - micros(readUpTo) > SKIP_AHEAD_MICROS;
                    decoder.skip_frame(far ? AVDISCARD_NONREF : AVDISCARD_DEFAULT);
                    if (avcodec_send_packet(decoder, packet) >= 0) {
                        lastMicros = drain(taps, frame, last, lastMicros);
                    }
                }
                av_packet_unref(packet);
            }
            decoder.skip_frame(AVDISCARD_DEFAULT);
            avcodec_send_packet(decoder, null);
            lastMicros = drain(taps, frame, last, lastMicros);
            if (decoded == 0) {
                throw new FfmpegException("decode", AVERROR_INVALIDDATA, "no frame decoded");
            }
            fillFromLast(taps, last, lastMicros);
        } finally {
            av_frame_free(frame);
            av_frame_free(last);
            av_packet_free(packet);
        }
    }

    private static long next(List<? extends Tap> taps) {
        long next = Long.MAX_VALUE;
        for (Tap tap : taps) {
            next = Math.min(next, tap.wanted());
        }
        return next;
    }

    /**
     * Seeks forward when the index has a keyframe after everything read so far and at or before {@code micros}:
     * decoding from there gives the same frame for less work. Never seeks back, so frames are decoded once.
     */
    private void seekTowards(long micros) {
        long target = originTs + av_rescale_q(micros, MICROS, stream.time_base());
        int entry = av_index_search_timestamp(stream, target, AVSEEK_FLAG_BACKWARD);
        if (entry < 0) {
            return; // no index (MPEG-PS, some MKV): read on
        }
        long keyframe = avformat_index_get_entry(stream, entry).timestamp();
        long reached = readUpTo == AV_NOPTS_VALUE ? originTs : readUpTo;
        if (keyframe <= reached) {
            return;
        }
        if (av_seek_frame(ctx, stream.index(), keyframe, AVSEEK_FLAG_BACKWARD) >= 0) {
            avcodec_flush_buffers(decoder);
            readUpTo = keyframe;
        }
    }

    private long drain(List<? extends Tap> taps, AVFrame frame, AVFrame last, long lastMicros) {
        long latest = lastMicros;
        while (avcodec_receive_frame(decoder, frame) >= 0) {
            long pts = frame.best_effort_timestamp();
            if (pts != AV_NOPTS_VALUE) {
                long micros = micros(pts);
                decoded++;
                for (Tap tap : taps) {
                    if (tap.wanted() <= micros) {
                        tap.take(frame, micros);
                    }
                }
                av_frame_unref(last);
                av_frame_ref(last, frame);
                latest = micros;
            }
            av_frame_unref(frame);
        }
        return latest;
    }

    /** Instants past the last decoded frame (the container's duration can exceed the video's) get that frame. */
    private void fillFromLast(List<? extends Tap> taps, AVFrame last, long lastMicros) {
        for (Tap tap : taps) {
            for (int guard = 0; guard < 10_000 && tap.wanted() < durationMicros; guard++) {
                tap.take(last, Math.max(lastMicros, tap.wanted()));
            }
        }
    }

    private long micros(long ts) {
        return ts == AV_NOPTS_VALUE ? 0 : av_rescale_q(ts - originTs, stream.time_base(), MICROS);
    }

    @Override
    public void close() {
        avcodec_free_context(decoder);
        avformat_close_input(ctx);
    }
}
