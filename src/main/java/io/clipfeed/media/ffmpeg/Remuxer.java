package io.clipfeed.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.nio.file.Path;
import java.util.Map;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Copies the best video and audio track of a file into another container without re-encoding: a faststart MP4
 * (moov before mdat, so playback starts after the first bytes) or an HLS package of fMP4 segments.
 */
public final class Remuxer {

    public Remuxer() {
        FfmpegLog.install();
    }

    /** Rewrites {@code source} as an MP4 whose index comes first. */
    public void faststartMp4(Path source, Path target) {
        copy(source, "mp4", target.toString(), Map.of("movflags", "+faststart"), true);
    }

    /** Copies only the video track of {@code source} into a faststart MP4 (a muted start needs no audio). */
    public void videoOnlyMp4(Path source, Path target) {
        copy(source, "mp4", target.toString(), Map.of("movflags", "+faststart"), false);
    }

    /**
     * Cuts an MP4 (keyframes every {@code segmentSeconds}) into CMAF segments: {@code init.mp4},
     * {@code segNNNNN.m4s} and a VOD media playlist {@code index.m3u8}, all in {@code dir}.
     */
    public Path hls(Path mp4, Path dir, int segmentSeconds) {
        Path playlist = dir.resolve("index.m3u8");
        copy(mp4, "hls", playlist.toString(), Map.of(
                "hls_time", Integer.toString(segmentSeconds),
                "hls_playlist_type", "vod",
                "hls_segment_type", "fmp4",
                "hls_flags", "independent_segments",
                "hls_fmp4_init_filename", "init.mp4",
                "hls_segment_filename", dir.resolve("seg%05d.m4s").toString()), true);
        return playlist;
    }

    private static void copy(Path source, String format, String target, Map<String, String> options,
            boolean withAudio) {
        FfmpegLog.clear();
        AVFormatContext in = avformat_alloc_context();
        try {
            Av.check(avformat_open_input(in, source.toString(), null, null), "remux open");
            Av.check(avformat_find_stream_info(in, (PointerPointer<?>) null), "remux stream info");
            int video = FfmpegProber.bestVideo(in);
            int audio = withAudio ? av_find_best_stream(in, AVMEDIA_TYPE_AUDIO, -1, -1, (PointerPointer<?>) null, 0)
                    : -1;
            if (video < 0) {
                throw new FfmpegException("remux", AVERROR_STREAM_NOT_FOUND(), "no video stream");
            }
            try (Muxer muxer = new Muxer(format, target)) {
                int[] map = new int[in.nb_streams()];
                java.util.Arrays.fill(map, -1);
                map[video] = muxer.addStream(in.streams(video).codecpar(), in.streams(video).time_base());
                if (audio >= 0) {
                    map[audio] = muxer.addStream(in.streams(audio).codecpar(), in.streams(audio).time_base());
                }
                muxer.writeHeader(options);
                pump(in, muxer, map);
                muxer.finish();
            }
        } finally {
            avformat_close_input(in);
        }
    }

    private static void pump(AVFormatContext in, Muxer muxer, int[] map) {
        AVPacket packet = av_packet_alloc();
        try {
            while (av_read_frame(in, packet) >= 0) {
                int target = map[packet.stream_index()];
                if (target >= 0) {
                    packet.pos(-1);
                    muxer.write(packet, target, in.streams(packet.stream_index()).time_base());
                }
                av_packet_unref(packet);
            }
        } finally {
            av_packet_free(packet);
        }
    }
}
