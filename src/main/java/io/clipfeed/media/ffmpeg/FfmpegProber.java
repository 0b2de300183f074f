package io.clipfeed.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;

import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

import io.clipfeed.media.Probe;

/**
 * Reads a source's container and stream headers with libavformat, then decodes its first frames to see that the
 * video really decodes. Limits are checked by the caller's {@code headersAcceptable} gate as soon as the headers
 * are read, before a single frame is decoded, so an 8192×8192 or 2-hour file costs nothing.
 */
public final class FfmpegProber {

    private static final long PROBE_BYTES = 16L << 20;
    private static final long ANALYZE_MICROS = 10_000_000L;

    public FfmpegProber() {
        FfmpegLog.install();
    }

    /** Empty when the file is not a media container FFmpeg can open. */
    public Optional<Probe> probe(Path file, Predicate<Probe> headersAcceptable) {
        FfmpegLog.clear();
        AVFormatContext ctx = avformat_alloc_context();
        AVDictionary options = new AVDictionary(null);
        try {
            av_dict_set(options, "probesize", Long.toString(PROBE_BYTES), 0);
            av_dict_set(options, "analyzeduration", Long.toString(ANALYZE_MICROS), 0);
            if (avformat_open_input(ctx, file.toString(), null, options) < 0) {
                return Optional.empty();
            }
            long size = Files.size(file);
            Probe headers = read(ctx, size, null);
            if (headers.hasVideo() && headers.video().width() > 0 && !headersAcceptable.test(headers)) {
                return Optional.of(headers);
            }
            if (avformat_find_stream_info(ctx, (PointerPointer<?>) null) < 0) {
                return Optional.empty();
            }
            Probe described = read(ctx, size, null);
            if (!described.hasVideo() || !headersAcceptable.test(described)) {
                return Optional.of(described);
            }
            return Optional.of(read(ctx, size, FrameSampler.sample(ctx, bestVideo(ctx))));
        } catch (java.io.IOException e) {
            throw new FfmpegException("probe", -1, e.getMessage(), null, e);
        } finally {
            av_dict_free(options);
            avformat_close_input(ctx);
        }
    }

    private static Probe read(AVFormatContext ctx, long size, FrameSampler.Sample sample) {
        int videoIndex = bestVideo(ctx);
        int audioIndex = av_find_best_stream(ctx, AVMEDIA_TYPE_AUDIO, -1, -1, (PointerPointer<?>) null, 0);
        long durationMs = ctx.duration() == AV_NOPTS_VALUE ? 0 : ctx.duration() / 1000;
        long startMs = ctx.start_time() == AV_NOPTS_VALUE ? 0 : ctx.start_time() / 1000;
        long bitrate = ctx.bit_rate() > 0 ? ctx.bit_rate() : (durationMs > 0 ? size * 8000 / durationMs : 0);
        Probe.VideoTrack video = videoIndex >= 0 ? video(ctx.streams(videoIndex)) : null;
        Probe.AudioTrack audio = audioIndex >= 0 ? audio(ctx.streams(audioIndex).codecpar()) : null;
        return new Probe(ctx.iformat().name().getString(), size, durationMs, startMs, bitrate, video, audio,
                sample == null ? 0 : sample.decoded(), sample == null ? 0 : sample.broken());
    }

    static int bestVideo(AVFormatContext ctx) {
        // cover art in MP3/M4A is an attached picture, not a video track
        for (int i = 0; i < ctx.nb_streams(); i++) {
            AVStream stream = ctx.streams(i);
            if (stream.codecpar().codec_type() == AVMEDIA_TYPE_VIDEO
                    && (stream.disposition() & AV_DISPOSITION_ATTACHED_PIC) == 0) {
                return i;
            }
        }
        return -1;
    }

    private static Probe.VideoTrack video(AVStream stream) {
        AVCodecParameters par = stream.codecpar();
        double avg = rate(stream.avg_frame_rate());
        double real = rate(stream.r_frame_rate());
        boolean variable = avg > 0 && real > 0 && Math.abs(real - avg) / avg > 0.01;
        AVRational sar = par.sample_aspect_ratio();
        BytePointer profile = avcodec_profile_name(par.codec_id(), par.profile());
        BytePointer pixfmt = av_get_pix_fmt_name(par.format());
        BytePointer transfer = av_color_transfer_name(par.color_trc());
        return new Probe.VideoTrack(avcodec_get_name(par.codec_id()).getString(),
                profile == null ? "" : profile.getString(), pixfmt == null ? "" : pixfmt.getString(), par.width(),
                par.height(), rotation(par), sar.num(), sar.den(), avg > 0 ? avg : real, variable, par.bit_rate(),
                avcodec_find_decoder(par.codec_id()) != null, transfer == null ? "" : transfer.getString());
    }

    private static Probe.AudioTrack audio(AVCodecParameters par) {
        return new Probe.AudioTrack(avcodec_get_name(par.codec_id()).getString(), par.sample_rate(),
                par.ch_layout().nb_channels());
    }

    /** Clockwise degrees from the display matrix (what the viewer must see), normalised to 0/90/180/270. */
    private static int rotation(AVCodecParameters par) {
        AVPacketSideData data = av_packet_side_data_get(par.coded_side_data(), par.nb_coded_side_data(),
                AV_PKT_DATA_DISPLAYMATRIX);
        if (data == null || data.isNull() || data.data() == null) {
            return 0;
        }
        double counterClockwise = av_display_rotation_get(new IntPointer(data.data()));
        if (Double.isNaN(counterClockwise)) {
            return 0;
        }
        int clockwise = (int) Math.round(-counterClockwise / 90.0) * 90;
        return ((clockwise % 360) + 360) % 360;
    }

    private static double rate(AVRational r) {
        return r.den() == 0 ? 0 : (double) r.num() / r.den();
    }
}
