package io.clipfeed.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.nio.file.Path;
import java.util.Map;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;

import io.clipfeed.media.TranscodePlan;

/**
 * Scales, converts to constant frame rate (tone-maps HDR) and encodes one rung with libx264 or libx265 into a
 * faststart MP4. Keyframes are
 * forced on every GOP boundary (and scene-cut keyframes switched off) so all rungs cut segments at the same
 * instants.
 */
final class RungEncoder implements AutoCloseable {

    private final TranscodePlan plan;
    private final TranscodePlan.Rung rung;
    private final AVRational sourceTimeBase;
    private final AVCodecContext encoder;
    private final Muxer muxer;
    private final int videoStream;
    private final int audioStream;
    private final AVFrame filtered = av_frame_alloc();
    private final AVPacket packet = av_packet_alloc();
    private FilterGraph filter;

    RungEncoder(TranscodePlan plan, TranscodePlan.Rung rung, AVRational sourceTimeBase, AVCodecContext audio,
            Path output) {
        this.plan = plan;
        this.rung = rung;
        this.sourceTimeBase = sourceTimeBase;
        this.encoder = openEncoder(plan, rung, true, 0);
        this.muxer = new Muxer("mp4", output.toString());
        this.videoStream = muxer.addStream(encoder);
        this.audioStream = audio == null ? -1 : muxer.addStream(audio);
        muxer.writeHeader(Map.of("movflags", "+faststart"));
    }

    /**
     * The rung's encoder. {@code averageBitrate} above zero encodes in ABR mode at that rate instead of at the rung's
     * CRF (how a fixed ladder encodes; per-title measures it as the reference, {@link RungTrials}). Without a global
     * header the parameter sets travel in band, so a decoder needs no extradata (the trials decode at once).
     */
    static AVCodecContext openEncoder(TranscodePlan plan, TranscodePlan.Rung rung, boolean globalHeader,
            long averageBitrate) {
        AVCodec codec = avcodec_find_encoder_by_name(rung.hevc() ? "libx265" : "libx264");
        AVCodecContext ctx = avcodec_alloc_context3(codec);
        ctx.width(rung.width());
        ctx.height(rung.height());
        ctx.pix_fmt(AV_PIX_FMT_YUV420P);
        ctx.time_base(av_make_q(1, plan.fps()));
        ctx.framerate(av_make_q(plan.fps(), 1));
        ctx.sample_aspect_ratio(av_make_q(1, 1));
        ctx.gop_size(plan.gopFrames());
        ctx.rc_max_rate(rung.maxBitrate());
        ctx.rc_buffer_size((int) Math.min(Integer.MAX_VALUE, rung.bufferBits()));
        if (globalHeader) {
            ctx.flags(ctx.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
        }
        if (averageBitrate > 0) {
            ctx.bit_rate(averageBitrate);
        }
        ctx.thread_count(0);
        if (plan.toneMap() != null) {
            labelBt709(ctx);
        }
        if (rung.hevc()) {
            // "hvc1" (parameter sets in the sample entry) is the tag Apple players require; FFmpeg defaults to hev1
            ctx.codec_tag(Av.HVC1);
        }
        Map<String, String> settings = new java.util.HashMap<>(options(plan, rung));
        if (averageBitrate > 0) {
            settings.remove("crf");
        }
        AVDictionary options = Av.dictionary(settings);
        try {
            Av.check(avcodec_open2(ctx, codec, options), "open " + rung.codec() + " " + rung.name());
        } finally {
            av_dict_free(options);
        }
        return ctx;
    }

    /** Tone-mapped output is BT.709 SDR and says so, or players would still treat it as HDR. */
    private static void labelBt709(AVCodecContext ctx) {
        ctx.color_primaries(AVCOL_PRI_BT709);
        ctx.color_trc(AVCOL_TRC_BT709);
        ctx.colorspace(AVCOL_SPC_BT709);
        ctx.color_range(AVCOL_RANGE_MPEG);
    }

    /** Closed GOPs of exactly {@code gopFrames}, no scene-cut keyframes, forced keyframes as IDR. */
    private static Map<String, String> options(TranscodePlan plan, TranscodePlan.Rung rung) {
        String gop = Integer.toString(plan.gopFrames());
        if (rung.hevc()) {
            return Map.of("preset", rung.preset(), "crf", rung.crfText(), "profile", rung.profile(),
                    "forced-idr", "1", "x265-params", "keyint=" + gop + ":min-keyint=" + gop
                            + ":scenecut=0:open-gop=0:log-level=error");
        }
        return Map.of("preset", rung.preset(), "crf", rung.crfText(), "profile", rung.profile(),
                "forced-idr", "1", "x264-params", X264Extras.with("keyint=" + gop + ":min-keyint=" + gop
                        + ":scenecut=0:open-gop=0", rung.preset()));
    }

    private String chain() {
        return chain(plan, rung);
    }

    /** The chain: deinterlace, constant rate (cheap drops), then scale, rotate, square pixels, 4:2:0. */
    static String chain(TranscodePlan plan, TranscodePlan.Rung rung) {
        boolean quarter = plan.rotation() == 90 || plan.rotation() == 270;
        int scaleW = quarter ? rung.height() : rung.width();
        int scaleH = quarter ? rung.width() : rung.height();
        String turn = switch (plan.rotation()) {
            case 90 -> ",transpose=clock";
            case 180 -> ",hflip,vflip";
            case 270 -> ",transpose=cclock";
            default -> "";
        };
        // bwdif only touches frames flagged interlaced (MPEG-2/camera sources); progressive frames pass through
        return "bwdif=mode=send_frame:deint=interlaced,fps=" + plan.fps() + ",scale=" + scaleW + ":" + scaleH
                + ":flags=bicubic" + toneMap(plan.toneMap()) + turn + ",setsar=1,format=yuv420p";
    }

    /**
     * HDR (PQ or HLG, BT.2020) to BT.709 SDR after scaling (cheaper on the small picture): to linear light at
     * 100 nits nominal peak, BT.2020 → BT.709 primaries, Hable curve, then BT.709 transfer and matrix, 8-bit.
     */
    static String toneMap(String transfer) {
        if (transfer == null) {
            return "";
        }
        return ",zscale=tin=" + transfer + ":min=bt2020nc:pin=bt2020:rin=tv:t=linear:npl=100,format=gbrpf32le"
                + ",zscale=p=bt709,tonemap=tonemap=hable:desat=0,zscale=t=bt709:m=bt709:r=tv";
    }

    /** Encodes a decoded source frame, or flushes everything when {@code frame} is null. */
    void video(AVFrame frame) {
        if (filter == null) {
            if (frame == null) {
                return;
            }
            filter = FilterGraph.video(frame, sourceTimeBase, chain());
        }
        filter.push(frame);
        while (filter.pull(filtered)) {
            long pts = av_rescale_q(filtered.pts(), filter.outputTimeBase(), encoder.time_base());
            filtered.pts(pts);
            filtered.pict_type(pts % plan.gopFrames() == 0 ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE);
            encode(filtered);
            av_frame_unref(filtered);
        }
        if (frame == null) {
            encode(null);
        }
    }

    /** Muxes an already encoded audio packet (timestamps in {@code timeBase}); the packet is consumed. */
    void audio(AVPacket audioPacket, AVRational timeBase) {
        if (audioStream >= 0) {
            muxer.write(audioPacket, audioStream, timeBase);
        }
    }

    void finish() {
        muxer.finish();
    }

    private void encode(AVFrame frame) {
        Av.check(avcodec_send_frame(encoder, frame), "encode " + rung.name());
        while (avcodec_receive_packet(encoder, packet) >= 0) {
            muxer.write(packet, videoStream, encoder.time_base());
        }
    }

    @Override
    public void close() {
        if (filter != null) {
            filter.close();
        }
        muxer.close();
        av_frame_free(filtered);
        av_packet_free(packet);
        avcodec_free_context(encoder);
    }
}
