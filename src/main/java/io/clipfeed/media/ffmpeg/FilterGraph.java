package io.clipfeed.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avfilter.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import org.bytedeco.ffmpeg.avfilter.AVFilterContext;
import org.bytedeco.ffmpeg.avfilter.AVFilterGraph;
import org.bytedeco.ffmpeg.avfilter.AVFilterInOut;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;

/** One libavfilter chain from a source buffer to a sink, e.g. fps → scale → format for a rung. */
final class FilterGraph implements AutoCloseable {

    private final AVFilterGraph graph = avfilter_graph_alloc();
    private final AVFilterContext source = new AVFilterContext();
    private final AVFilterContext sink = new AVFilterContext();

    private FilterGraph(boolean video, String sourceArgs, String chain) {
        String prefix = video ? "" : "a";
        Av.check(avfilter_graph_create_filter(source, avfilter_get_by_name(prefix + "buffer"), "in", sourceArgs,
                null, graph), "filter source");
        Av.check(avfilter_graph_create_filter(sink, avfilter_get_by_name(prefix + "buffersink"), "out", null, null,
                graph), "filter sink");
        AVFilterInOut outputs = avfilter_inout_alloc();
        AVFilterInOut inputs = avfilter_inout_alloc();
        try {
            outputs.name(av_strdup(new BytePointer("in"))).filter_ctx(source).pad_idx(0).next(null);
            inputs.name(av_strdup(new BytePointer("out"))).filter_ctx(sink).pad_idx(0).next(null);
            Av.check(avfilter_graph_parse_ptr(graph, chain, inputs, outputs, null), "filter parse: " + chain);
            Av.check(avfilter_graph_config(graph, null), "filter config");
        } finally {
            avfilter_inout_free(inputs);
            avfilter_inout_free(outputs);
        }
    }

    /** A video chain fed with frames shaped like {@code first}, whose timestamps count in {@code timeBase}. */
    static FilterGraph video(AVFrame first, AVRational timeBase, String chain) {
        int sarNum = Math.max(first.sample_aspect_ratio().num(), 0);
        int sarDen = Math.max(first.sample_aspect_ratio().den(), 1);
        String args = "video_size=" + first.width() + "x" + first.height() + ":pix_fmt=" + first.format()
                + ":time_base=" + timeBase.num() + "/" + timeBase.den() + ":pixel_aspect="
                + (sarNum == 0 ? 1 : sarNum) + "/" + (sarNum == 0 ? 1 : sarDen);
        return new FilterGraph(true, args, chain);
    }

    static FilterGraph audio(AVFrame first, AVRational timeBase, String chain, int frameSize) {
        BytePointer layout = new BytePointer(128);
        try {
            av_channel_layout_describe(first.ch_layout(), layout, 128);
            String args = "time_base=" + timeBase.num() + "/" + timeBase.den() + ":sample_rate="
                    + first.sample_rate() + ":sample_fmt=" + first.format() + ":channel_layout=" + layout.getString();
            FilterGraph filter = new FilterGraph(false, args, chain);
            if (frameSize > 0) {
                av_buffersink_set_frame_size(filter.sink, frameSize);
            }
            return filter;
        } finally {
            layout.close();
        }
    }

    /** Feeds a frame (kept by the caller), or null for end of stream. */
    void push(AVFrame frame) {
        Av.check(av_buffersrc_add_frame_flags(source, frame, AV_BUFFERSRC_FLAG_KEEP_REF), "filter push");
    }

    /** Next filtered frame into {@code into}; false when the chain needs more input or is drained. */
    boolean pull(AVFrame into) {
        int ret = av_buffersink_get_frame(sink, into);
        if (ret == AVERROR_EAGAIN() || ret == AVERROR_EOF) {
            return false;
        }
        Av.check(ret, "filter pull");
        return true;
    }

    AVRational outputTimeBase() {
        return av_buffersink_get_time_base(sink);
    }

    @Override
    public void close() {
        avfilter_graph_free(graph);
    }
}
