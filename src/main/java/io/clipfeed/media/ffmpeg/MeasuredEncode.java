package io.clipfeed.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * An encoder whose every packet is decoded again at once and compared with its source picture ({@link SsimGraph}):
 * what a trial encode costs in bytes and buys in SSIM, without writing a file. Owns both codec contexts.
 */
final class MeasuredEncode implements AutoCloseable {

    private final AVCodecContext encoder;
    private final AVCodecContext decoder;
    private final SsimGraph ssim;
    private final String what;
    private final AVPacket packet = av_packet_alloc();
    private final AVFrame decoded = av_frame_alloc();
    private long bytes;
    private long frames;

    MeasuredEncode(AVCodecContext encoder, AVCodecContext decoder, int width, int height, String what) {
        this.encoder = encoder;
        this.decoder = decoder;
        this.what = what;
        this.ssim = new SsimGraph(width, height);
    }

    /** Encodes one picture (timestamps kept by the caller); null flushes the encoder and the decoder. */
    void encode(AVFrame picture) {
        if (picture != null) {
            ssim.reference(picture);
            frames++;
        }
        Av.check(avcodec_send_frame(encoder, picture), what);
        while (avcodec_receive_packet(encoder, packet) >= 0) {
            bytes += packet.size();
            Av.check(avcodec_send_packet(decoder, packet), "trial decode");
            av_packet_unref(packet);
            drain();
        }
        if (picture == null) {
            avcodec_send_packet(decoder, (AVPacket) null);
            drain();
        }
    }

    long bytes() {
        return bytes;
    }

    long frames() {
        return frames;
    }

    /** The SSIM over every frame encoded (after the flush). */
    double ssim() {
        return ssim.finish();
    }

    private void drain() {
        while (avcodec_receive_frame(decoder, decoded) >= 0) {
            decoded.pts(decoded.best_effort_timestamp());
            ssim.distorted(decoded);
            av_frame_unref(decoded);
        }
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
