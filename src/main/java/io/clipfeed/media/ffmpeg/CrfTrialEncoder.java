package io.clipfeed.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.util.Map;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
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
    private final int width;
    private final int height;
    private final MeasuredEncode measured;

    CrfTrialEncoder(int width, int height, String preset, int crf) {
        this.crf = crf;
        this.width = width;
        this.height = height;
        AVCodec x264 = avcodec_find_encoder_by_name("libx264");
        AVCodecContext encoder = avcodec_alloc_context3(x264);
        encoder.width(width);
        encoder.height(height);
        encoder.pix_fmt(AV_PIX_FMT_YUV420P);
        encoder.time_base(av_make_q(1, 30));
        encoder.thread_count(1); // several trials run side by side; one thread each keeps their delay short
        Map<String, String> settings = new java.util.HashMap<>(Map.of("preset", preset, "crf", Integer.toString(crf)));
        String extras = X264Extras.forPreset(preset); // as the ladder encodes at this preset
        if (!extras.isEmpty()) {
            settings.put("x264-params", extras);
        }
        AVDictionary options = Av.dictionary(settings);
        try {
            Av.check(avcodec_open2(encoder, x264, options), "trial encoder");
        } finally {
            av_dict_free(options);
        }
        AVCodec h264 = avcodec_find_decoder(AV_CODEC_ID_H264);
        AVCodecContext decoder = avcodec_alloc_context3(h264);
        decoder.pkt_timebase(av_make_q(1, 30));
        decoder.thread_count(1);
        Av.check(avcodec_open2(decoder, h264, (AVDictionary) null), "trial decoder");
        measured = new MeasuredEncode(encoder, decoder, width, height, "trial encode");
    }

    /** Encodes one scaled sample picture (timestamp in 1/30 s, kept by the caller). */
    void encode(AVFrame picture) {
        measured.encode(picture);
    }

    /** Flushes encoder and decoder and returns what the trial measured. */
    SourceAnalysis.CrfTrial finish() {
        measured.encode(null);
        double bitsPerPixel = measured.bytes() * 8.0 / ((double) measured.frames() * width * height);
        return new SourceAnalysis.CrfTrial(crf, measured.ssim(), bitsPerPixel);
    }

    @Override
    public void close() {
        measured.close();
    }
}
