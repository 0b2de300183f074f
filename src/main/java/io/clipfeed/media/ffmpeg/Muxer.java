package io.clipfeed.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.util.Map;

import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;

/** Writes packets into a container file (MP4 with faststart, or an HLS package). */
final class Muxer implements AutoCloseable {

    private final AVFormatContext ctx = new AVFormatContext(null);
    private final String url;
    private boolean headerWritten;
    private boolean finished;

    Muxer(String format, String url) {
        this.url = url;
        Av.check(avformat_alloc_output_context2(ctx, null, format, url), "open muxer " + format);
    }

    int addStream(AVCodecContext encoder) {
        AVStream stream = avformat_new_stream(ctx, null);
        Av.check(avcodec_parameters_from_context(stream.codecpar(), encoder), "stream parameters");
        stream.time_base(encoder.time_base());
        return stream.index();
    }

    int addStream(AVCodecParameters parameters, AVRational timeBase) {
        AVStream stream = avformat_new_stream(ctx, null);
        Av.check(avcodec_parameters_copy(stream.codecpar(), parameters), "stream parameters");
        // the source's tag may not fit the target container; HEVC stays hvc1 so Apple players accept it
        stream.codecpar().codec_tag(parameters.codec_id() == AV_CODEC_ID_HEVC ? Av.HVC1 : 0);
        stream.time_base(timeBase);
        return stream.index();
    }

    void writeHeader(Map<String, String> options) {
        if ((ctx.oformat().flags() & AVFMT_NOFILE) == 0) {
            AVIOContext io = new AVIOContext(null);
            Av.check(avio_open(io, url, AVIO_FLAG_WRITE), "open output");
            ctx.pb(io);
        }
        AVDictionary dict = Av.dictionary(options);
        try {
            Av.check(avformat_write_header(ctx, dict), "write header");
            headerWritten = true;
        } finally {
            av_dict_free(dict);
        }
    }

    /** Writes a packet whose timestamps count in {@code from}; the packet is consumed (unreferenced). */
    void write(AVPacket packet, int streamIndex, AVRational from) {
        packet.stream_index(streamIndex);
        av_packet_rescale_ts(packet, from, ctx.streams(streamIndex).time_base());
        Av.check(av_interleaved_write_frame(ctx, packet), "write packet");
    }

    void finish() {
        Av.check(av_write_trailer(ctx), "write trailer");
        finished = true;
    }

    @Override
    public void close() {
        if (headerWritten && !finished) {
            av_write_trailer(ctx);
        }
        if ((ctx.oformat().flags() & AVFMT_NOFILE) == 0 && ctx.pb() != null) {
            avio_closep(ctx.pb());
        }
        avformat_free_context(ctx);
    }
}
