package io.clipfeed.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.javacpp.PointerPointer;

/**
 * What a player needs to know about a finished MP4: RFC 6381 codec strings (read from the avcC box, so they are
 * exactly what the encoder wrote), size, duration and bitrate.
 */
public record OutputFacts(String videoCodec, String audioCodec, int width, int height, long durationMs,
        long sizeBytes, long bitrate) {

    /** {@code avc1.640028,mp4a.40.2}, as HLS CODECS and MSE want it. */
    public String codecs() {
        return audioCodec == null ? videoCodec : videoCodec + "," + audioCodec;
    }

    public static OutputFacts of(Path mp4) {
        AVFormatContext ctx = avformat_alloc_context();
        try {
            Av.check(avformat_open_input(ctx, mp4.toString(), null, null), "inspect output");
            Av.check(avformat_find_stream_info(ctx, (PointerPointer<?>) null), "inspect output");
            int video = FfmpegProber.bestVideo(ctx);
            int audio = av_find_best_stream(ctx, AVMEDIA_TYPE_AUDIO, -1, -1, (PointerPointer<?>) null, 0);
            AVCodecParameters par = ctx.streams(video).codecpar();
            long size = Files.size(mp4);
            long durationMs = Math.max(1, ctx.duration() / 1000);
            return new OutputFacts(videoCodec(par), audio >= 0 ? "mp4a.40.2" : null, par.width(), par.height(),
                    durationMs, size, size * 8000 / durationMs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            avformat_close_input(ctx);
        }
    }

    private static String videoCodec(AVCodecParameters par) {
        if (par.codec_id() == AV_CODEC_ID_H264 && par.extradata_size() >= 4 && par.extradata().get(0) == 1) {
            byte[] avcc = new byte[4];
            par.extradata().get(avcc);
            return String.format("avc1.%02x%02x%02x", avcc[1] & 0xff, avcc[2] & 0xff, avcc[3] & 0xff);
        }
        if (par.codec_id() == AV_CODEC_ID_H264) {
            return String.format("avc1.%02x00%02x", par.profile() & 0xff, par.level() & 0xff);
        }
        if (par.codec_id() == AV_CODEC_ID_HEVC && par.extradata_size() >= 13 && par.extradata().get(0) == 1) {
            byte[] hvcc = new byte[13];
            par.extradata().get(hvcc);
            return hevcCodec(hvcc);
        }
        return avcodec_get_name(par.codec_id()).getString();
    }

    /**
     * RFC 6381 / ISO 14496-15 Annex E string from an hvcC header, e.g. {@code hvc1.1.6.L93.B0}: profile space and
     * profile, compatibility flags bit-reversed in hex, tier and level, then the constraint bytes without trailing
     * zero bytes.
     */
    static String hevcCodec(byte[] hvcc) {
        int space = (hvcc[1] >> 6) & 3;
        boolean highTier = (hvcc[1] & 0x20) != 0;
        int profile = hvcc[1] & 0x1f;
        long compat = ((hvcc[2] & 0xffL) << 24) | ((hvcc[3] & 0xffL) << 16) | ((hvcc[4] & 0xffL) << 8)
                | (hvcc[5] & 0xffL);
        StringBuilder out = new StringBuilder("hvc1.");
        out.append(space == 0 ? "" : String.valueOf((char) ('A' + space - 1))).append(profile).append('.')
                .append(Long.toHexString(Integer.reverse((int) compat) & 0xffffffffL)
                        .toUpperCase(java.util.Locale.ROOT))
                .append('.').append(highTier ? 'H' : 'L').append(hvcc[12] & 0xff);
        int last = 11;
        while (last >= 6 && hvcc[last] == 0) {
            last--;
        }
        for (int i = 6; i <= last; i++) {
            out.append('.').append(String.format("%02X", hvcc[i] & 0xff));
        }
        return out.toString();
    }
}
