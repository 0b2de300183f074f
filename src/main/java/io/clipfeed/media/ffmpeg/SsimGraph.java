package io.clipfeed.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avfilter.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import org.bytedeco.ffmpeg.avfilter.AVFilterContext;
import org.bytedeco.ffmpeg.avfilter.AVFilterGraph;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * The {@code ssim} filter between two in-memory frame streams of the same size (yuv420p, timestamps in 1/30 s):
 * frames are paired by timestamp, so a distorted frame may arrive long after its reference (encoder delay).
 * Keeps the mean of the per-frame "All" SSIM, the same figure {@link QualityMeter} and the benchmarks report.
 */
final class SsimGraph implements AutoCloseable {

    private final AVFilterGraph graph = avfilter_graph_alloc();
    private final AVFilterContext distorted = new AVFilterContext();
    private final AVFilterContext reference = new AVFilterContext();
    private final AVFilterContext sink = new AVFilterContext();
    private final AVFrame scored = av_frame_alloc();
    private double sum;
    private int frames;

    SsimGraph(int width, int height) {
        String args = "video_size=" + width + "x" + height + ":pix_fmt=" + AV_PIX_FMT_YUV420P
                + ":time_base=1/30:pixel_aspect=1/1";
        AVFilterContext ssim = new AVFilterContext();
        create(distorted, "buffer", "dist", args);
        create(reference, "buffer", "ref", args);
        create(ssim, "ssim", "ssim", null);
        create(sink, "buffersink", "out", null);
        Av.check(avfilter_link(distorted, 0, ssim, 0), "ssim link");
        Av.check(avfilter_link(reference, 0, ssim, 1), "ssim link");
        Av.check(avfilter_link(ssim, 0, sink, 0), "ssim link");
        Av.check(avfilter_graph_config(graph, null), "ssim config");
    }

    private void create(AVFilterContext context, String filter, String name, String args) {
        Av.check(avfilter_graph_create_filter(context, avfilter_get_by_name(filter), name, args, null, graph),
                "ssim " + name);
    }

    /** The source picture the encoder was given (kept by the caller). */
    void reference(AVFrame frame) {
        Av.check(av_buffersrc_add_frame_flags(reference, frame, AV_BUFFERSRC_FLAG_KEEP_REF), "ssim reference");
        drain();
    }

    /** A decoded picture of the encode (kept by the caller), with its source frame's timestamp. */
    void distorted(AVFrame frame) {
        Av.check(av_buffersrc_add_frame_flags(distorted, frame, AV_BUFFERSRC_FLAG_KEEP_REF), "ssim distorted");
        drain();
    }

    /** Ends both streams and returns the mean SSIM over the compared frames. */
    double finish() {
        Av.check(av_buffersrc_add_frame_flags(distorted, (AVFrame) null, 0), "ssim end");
        Av.check(av_buffersrc_add_frame_flags(reference, (AVFrame) null, 0), "ssim end");
        drain();
        if (frames == 0) {
            throw new FfmpegException("ssim", AVERROR_INVALIDDATA, "no frame compared");
        }
        return sum / frames;
    }

    private void drain() {
        while (av_buffersink_get_frame(sink, scored) >= 0) {
            AVDictionaryEntry entry = av_dict_get(scored.metadata(), "lavfi.ssim.All", null, 0);
            if (entry != null) {
                String value = entry.value().getString();
                sum += value.startsWith("inf") ? 1.0 : Double.parseDouble(value);
                frames++;
            }
            av_frame_unref(scored);
        }
    }

    @Override
    public void close() {
        av_frame_free(scored);
        avfilter_graph_free(graph);
    }
}
