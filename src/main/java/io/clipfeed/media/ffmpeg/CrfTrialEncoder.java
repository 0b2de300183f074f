package io.clipfeed.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.util.Map;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;

import io.clipfeed.media.SourceAnalysis;

/**
 * One trial of the per-title analysis: the scaled samples encoded with the ladder's x264 preset at one CRF, each
 * packet decoded again at once and compared with its source picture ({@link SsimGraph}), so the trial yields both
 * the bits that CRF costs and the SSIM it buys, without writing a file.
 */
final class CrfTrialEncoder implements AutoCloseable {

    private final int crf;
    private final AVCodecContext encoder;
    private final AVCodecContext decoder;
    private final SsimGraph ssim;
    private final AVPacket packet = av_packet_alloc();
    private final AVFrame decoded = av_frame_alloc();
    private long bits;
    private long frames;

    CrfTrialEncoder(int width, int height, String preset, int crf) {
        this.crf = crf;
        AVCodec x264 = avcodec_find_encoder_by_name("libx264");
        encoder = avcodec_alloc_context3(x264);
        encoder.width(width);
        encoder.height(height);
        encoder.pix_fmt(AV_PIX_FMT_YUV420P);
        encoder.time_base(av_make_q(1, 30));
        encoder.thread_count(1); // several trials run side by side; one thread each keeps their delay short
        AVDictionary options = Av.dictionary(Map.of("preset", preset, "crf", Integer.toString(crf)));
        try {
            Av.check(avcodec_open2(encoder, x264, options), "trial encoder");
        } finally {
            av_dict_free(options);
        }
        AVCodec h264 = avcodec_find_decoder(AV_CODEC_ID_H264);
        decoder = avcodec_alloc_context3(h264);
        decoder.pkt_timebase(av_make_q(1, 30));
        decoder.thread_count(1);
        Av.check(avcodec_open2(decoder, h264, (AVDictionary) null), "trial decoder");
        ssim = new SsimGraph(width, height);
    }

    /** Encodes one scaled sample picture (timestamp in 1/30 s, kept by the caller). */
    void encode(AVFrame picture) {
        ssim.reference(picture);
        frames++;
        send(picture);
    }

    private void send(AVFrame picture) {
        Av.check(avcodec_send_frame(encoder, picture), "trial encode");
        while (avcodec_receive_packet(encoder, packet) >= 0) {
            bits += packet.size() * 8L;
            Av.check(avcodec_send_packet(decoder, packet), "trial decode");
            av_packet_unref(packet);
            drainDecoder();
        }
    }

    private void drainDecoder() {
        while (avcodec_receive_frame(decoder, decoded) >= 0) {
            decoded.pts(decoded.best_effort_timestamp());
            ssim.distorted(decoded);
            av_frame_unref(decoded);
        }
    }

    /** Flushes encoder and decoder and returns what the trial measured. */
    SourceAnalysis.CrfTrial finish() {
        send(null);
        avcodec_send_packet(decoder, (AVPacket) null);
        drainDecoder();
        double bitsPerPixel = bits / ((double) frames * encoder.width() * encoder.height());
        return new SourceAnalysis.CrfTrial(crf, ssim.finish(), bitsPerPixel);
    }

    @Override
    public void close() {
        ssim.close();
        av_frame_free(decoded);
        av_packet_free(packet);
        avcodec_free_context(decoder);
        avcodec_free_context(encoder);
    }
}
