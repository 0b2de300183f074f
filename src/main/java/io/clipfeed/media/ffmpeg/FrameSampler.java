package io.clipfeed.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Decodes the first frames of the video track and counts how many decode and how many fail. A clip whose first
 * pictures all fail is damaged beyond repair; one with a few bad frames among good ones is fine.
 */
final class FrameSampler {

    record Sample(int decoded, int broken) {
    }

    private static final int WANTED_FRAMES = 24;
    private static final int MAX_PACKETS = 400;
    /** AV_FRAME_FLAG_CORRUPT (1 << 0), a macro the presets do not map. */
    private static final int FLAG_CORRUPT = 1;

    private FrameSampler() {
    }

    static Sample sample(AVFormatContext ctx, int streamIndex) {
        AVCodec codec = avcodec_find_decoder(ctx.streams(streamIndex).codecpar().codec_id());
        if (codec == null) {
            return new Sample(0, 0);
        }
        AVCodecContext decoder = avcodec_alloc_context3(codec);
        AVPacket packet = av_packet_alloc();
        AVFrame frame = av_frame_alloc();
        try {
            if (avcodec_parameters_to_context(decoder, ctx.streams(streamIndex).codecpar()) < 0
                    || avcodec_open2(decoder, codec, (org.bytedeco.ffmpeg.avutil.AVDictionary) null) < 0) {
                return new Sample(0, 0);
            }
            return decode(ctx, streamIndex, decoder, packet, frame);
        } finally {
            av_frame_free(frame);
            av_packet_free(packet);
            avcodec_free_context(decoder);
        }
    }

    private static Sample decode(AVFormatContext ctx, int streamIndex, AVCodecContext decoder, AVPacket packet,
            AVFrame frame) {
        int decoded = 0;
        int broken = 0;
        int packets = 0;
        boolean draining = false;
        while (decoded < WANTED_FRAMES && packets < MAX_PACKETS) {
            if (!draining) {
                int read = av_read_frame(ctx, packet);
                if (read < 0) {
                    draining = true;
                    avcodec_send_packet(decoder, null);
                } else {
                    packets++;
                    boolean ours = packet.stream_index() == streamIndex;
                    if (ours && avcodec_send_packet(decoder, packet) < 0) {
                        broken++;
                    }
                    av_packet_unref(packet);
                    if (!ours) {
                        continue;
                    }
                }
            }
            int received;
            while ((received = avcodec_receive_frame(decoder, frame)) >= 0) {
                boolean corrupt = (frame.flags() & FLAG_CORRUPT) != 0 || frame.decode_error_flags() != 0;
                if (corrupt) {
                    broken++;
                } else {
                    decoded++;
                }
                av_frame_unref(frame);
            }
            if (received == AVERROR_EOF || (draining && received != AVERROR_EAGAIN())) {
                break;
            }
        }
        return new Sample(decoded, broken);
    }
}
