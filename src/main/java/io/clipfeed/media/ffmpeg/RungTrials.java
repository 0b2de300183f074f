package io.clipfeed.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;

import io.clipfeed.media.TranscodePlan;

/**
 * Whole-rung trials for the per-title quality search: the entire source, decoded once, brought through each rung's
 * own chain and encoded exactly as {@link RungEncoder} would (same options, threads, forced keyframes, so a trial's
 * bitstream is the rendition's), then decoded again at once and compared with the picture the encoder was given
 * ({@link SsimGraph}). Nothing is written: a trial yields the bytes its video would take and the mean SSIM over
 * every frame. A trial may instead encode in ABR mode, as a fixed ladder does, to measure what that would reach;
 * such a trial gets its keyframes from x264's keyint settings alone, as a fixed ladder encoded by the ffmpeg tool
 * does (the same GOPs: forcing them costs x264's ABR a little SSIM, 0.975785 → 0.975625 on box.mp4).
 */
public final class RungTrials {

    /** One trial: the rung at its CRF, or in ABR mode at {@code averageBitrate} (bits/s) when that is above 0. */
    public record Trial(TranscodePlan.Rung rung, long averageBitrate) {
    }

    /** What a trial spent (video bitrate over the clip, bits/s) and reached (mean SSIM, 0–1). */
    public record Result(Trial trial, long bitrate, double ssim) {
    }

    public RungTrials() {
        FfmpegLog.install();
    }

    /** Runs every trial in one decode pass of {@code source}; results in the order of {@code trials}. */
    public List<Result> run(Path source, TranscodePlan plan, List<Trial> trials, BooleanSupplier stop) {
        FfmpegLog.clear();
        Map<String, Chain> chains = new LinkedHashMap<>();
        List<Encode> encodes = new ArrayList<>();
        try (SourceDecoder decoder = new SourceDecoder(source)) {
            for (Trial trial : trials) {
                Encode encode = new Encode(plan, trial);
                encodes.add(encode);
                chains.computeIfAbsent(RungEncoder.chain(plan, trial.rung()),
                        c -> new Chain(plan, c, decoder.videoTimeBase())).encodes.add(encode);
            }
            decoder.run(frame -> chains.values().forEach(c -> c.push(frame)), frame -> {
            }, stop, p -> {
            });
            chains.values().forEach(c -> c.push(null));
            return encodes.stream().map(Encode::result).toList();
        } finally {
            chains.values().forEach(Chain::close);
            encodes.forEach(Encode::close);
        }
    }

    /** One rung's filter chain, shared by the trials of that rung. */
    private static final class Chain implements AutoCloseable {

        private final TranscodePlan plan;
        private final String description;
        private final AVRational sourceTimeBase;
        private final AVFrame filtered = av_frame_alloc();
        private final List<Encode> encodes = new ArrayList<>();
        private FilterGraph filter;

        Chain(TranscodePlan plan, String description, AVRational sourceTimeBase) {
            this.plan = plan;
            this.description = description;
            this.sourceTimeBase = sourceTimeBase;
        }

        /** As {@link RungEncoder#video}: the same timestamps and forced keyframes; null flushes. */
        void push(AVFrame frame) {
            if (filter == null) {
                if (frame == null) {
                    return;
                }
                filter = FilterGraph.video(frame, sourceTimeBase, description);
            }
            filter.push(frame);
            while (filter.pull(filtered)) {
                long pts = av_rescale_q(filtered.pts(), filter.outputTimeBase(), av_make_q(1, plan.fps()));
                filtered.pts(pts);
                boolean keyframe = pts % plan.gopFrames() == 0;
                for (Encode e : encodes) {
                    // the ladder forces its segment keyframes; a fixed ladder relies on x264's keyint alone
                    filtered.pict_type(keyframe && e.trial.averageBitrate() <= 0 ? AV_PICTURE_TYPE_I
                            : AV_PICTURE_TYPE_NONE);
                    e.encode(filtered);
                }
                av_frame_unref(filtered);
            }
            if (frame == null) {
                encodes.forEach(e -> e.encode(null));
            }
        }

        @Override
        public void close() {
            if (filter != null) {
                filter.close();
            }
            av_frame_free(filtered);
        }
    }

    /** One trial's encoder, its decoder and the SSIM between what went in and what came out. */
    private static final class Encode implements AutoCloseable {

        private final Trial trial;
        private final int fps;
        private final MeasuredEncode measured;

        Encode(TranscodePlan plan, Trial trial) {
            this.trial = trial;
            this.fps = plan.fps();
            TranscodePlan.Rung rung = trial.rung();
            // with the global header, as the MP4 rendition (x264 then keeps SPS/PPS out of the stream); the decoder
            // gets them through the codec parameters
            AVCodecContext encoder = RungEncoder.openEncoder(plan, rung, true, trial.averageBitrate());
            AVCodec codec = avcodec_find_decoder(rung.hevc() ? AV_CODEC_ID_HEVC : AV_CODEC_ID_H264);
            AVCodecContext decoder = avcodec_alloc_context3(codec);
            AVCodecParameters parameters = avcodec_parameters_alloc();
            try {
                Av.check(avcodec_parameters_from_context(parameters, encoder), "trial parameters");
                Av.check(avcodec_parameters_to_context(decoder, parameters), "trial parameters");
            } finally {
                avcodec_parameters_free(parameters);
            }
            decoder.pkt_timebase(av_make_q(1, plan.fps()));
            decoder.thread_count(1);
            Av.check(avcodec_open2(decoder, codec, (AVDictionary) null), "trial decoder");
            measured = new MeasuredEncode(encoder, decoder, rung.width(), rung.height(),
                    "trial encode " + rung.name());
        }

        void encode(AVFrame picture) {
            measured.encode(picture);
        }

        Result result() {
            if (measured.frames() == 0) {
                throw new FfmpegException("rung trial", AVERROR_INVALIDDATA, "no frame encoded");
            }
            return new Result(trial, Math.round(measured.bytes() * 8.0 * fps / measured.frames()), measured.ssim());
        }

        @Override
        public void close() {
            measured.close();
        }
    }
}
