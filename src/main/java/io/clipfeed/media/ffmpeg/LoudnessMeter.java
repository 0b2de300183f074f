package io.clipfeed.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.nio.file.Path;
import java.util.Optional;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.PointerPointer;

import io.clipfeed.media.TranscodePlan;

/**
 * Measures a file's audio loudness as EBU R128 defines it (the {@code ebur128} filter: integrated loudness,
 * loudness range, true peak), after bringing it to 48 kHz stereo exactly as the ladder's audio chain does, so the
 * figures are those of the signal the normaliser will see. Only the audio stream is demuxed and decoded.
 */
public final class LoudnessMeter {

    public LoudnessMeter() {
        FfmpegLog.install();
    }

    /** Empty when the file has no decodable audio. */
    public Optional<TranscodePlan.Loudness> measure(Path file) {
        AVFormatContext ctx = avformat_alloc_context();
        try {
            Av.check(avformat_open_input(ctx, file.toString(), null, null), "loudness open");
            Av.check(avformat_find_stream_info(ctx, (PointerPointer<?>) null), "loudness stream info");
            int index = av_find_best_stream(ctx, AVMEDIA_TYPE_AUDIO, -1, -1, (PointerPointer<?>) null, 0);
            if (index < 0) {
                return Optional.empty();
            }
            for (int i = 0; i < ctx.nb_streams(); i++) {
                ctx.streams(i).discard(i == index ? AVDISCARD_DEFAULT : AVDISCARD_ALL);
            }
            return Optional.of(measure(ctx, ctx.streams(index)));
        } finally {
            avformat_close_input(ctx);
        }
    }

    private static TranscodePlan.Loudness measure(AVFormatContext ctx, AVStream stream) {
        AVCodec codec = avcodec_find_decoder(stream.codecpar().codec_id());
        if (codec == null) {
            throw new FfmpegException("loudness", AVERROR_DECODER_NOT_FOUND(), "no audio decoder");
        }
        AVCodecContext decoder = avcodec_alloc_context3(codec);
        AVPacket packet = av_packet_alloc();
        AVFrame frame = av_frame_alloc();
        Reading reading = new Reading(stream);
        try {
            Av.check(avcodec_parameters_to_context(decoder, stream.codecpar()), "loudness decoder");
            decoder.pkt_timebase(stream.time_base());
            Av.check(avcodec_open2(decoder, codec, (AVDictionary) null), "loudness decoder");
            while (av_read_frame(ctx, packet) >= 0) {
                if (packet.stream_index() == stream.index() && avcodec_send_packet(decoder, packet) >= 0) {
                    drain(decoder, frame, reading);
                }
                av_packet_unref(packet);
            }
            avcodec_send_packet(decoder, null);
            drain(decoder, frame, reading);
            return reading.finish();
        } finally {
            reading.close();
            av_frame_free(frame);
            av_packet_free(packet);
            avcodec_free_context(decoder);
        }
    }

    private static void drain(AVCodecContext decoder, AVFrame frame, Reading reading) {
        while (avcodec_receive_frame(decoder, frame) >= 0) {
            frame.pts(frame.best_effort_timestamp());
            reading.push(frame);
            av_frame_unref(frame);
        }
    }

    /** The ebur128 graph and the latest figures it reported (integrated and LRA are running values). */
    private static final class Reading implements AutoCloseable {

        private final AVStream stream;
        private final AVFrame out = av_frame_alloc();
        private FilterGraph graph;
        private double integrated = Double.NaN;
        private double range;
        private double truePeak = Double.NEGATIVE_INFINITY;

        Reading(AVStream stream) {
            this.stream = stream;
        }

        void push(AVFrame frame) {
            if (graph == null) {
                graph = FilterGraph.audio(frame, stream.time_base(),
                        AudioChain.STEREO_48K.formatted(48_000) + ",ebur128=metadata=1:peak=true", 0);
            }
            graph.push(frame);
            pull();
        }

        private void pull() {
            while (graph.pull(out)) {
                integrated = number("lavfi.r128.I", integrated);
                range = number("lavfi.r128.LRA", range);
                truePeak = Math.max(truePeak, Math.max(number("lavfi.r128.true_peaks_ch0", truePeak),
                        number("lavfi.r128.true_peaks_ch1", truePeak)));
                av_frame_unref(out);
            }
        }

        private double number(String key, double otherwise) {
            AVDictionaryEntry entry = av_dict_get(out.metadata(), key, null, 0);
            if (entry == null) {
                return otherwise;
            }
            try {
                return Double.parseDouble(entry.value().getString());
            } catch (NumberFormatException e) {
                return otherwise; // "-inf" for silence
            }
        }

        TranscodePlan.Loudness finish() {
            if (graph == null) {
                throw new FfmpegException("loudness", AVERROR_INVALIDDATA, "no audio decoded");
            }
            graph.push(null);
            pull();
            return new TranscodePlan.Loudness(integrated, range, truePeak);
        }

        @Override
        public void close() {
            if (graph != null) {
                graph.close();
            }
            av_frame_free(out);
        }
    }
}
