package io.clipfeed.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avfilter.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.nio.file.Path;
import java.util.regex.Pattern;

import org.bytedeco.ffmpeg.avfilter.AVFilterContext;
import org.bytedeco.ffmpeg.avfilter.AVFilterGraph;
import org.bytedeco.ffmpeg.avfilter.AVFilterInOut;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;

import io.clipfeed.media.TranscodePlan;

/**
 * SSIM and PSNR of a rung against its source, the source being brought to the rung's size, rate and orientation
 * exactly as the encoder saw it. One self-contained filter graph (two movie sources → ssim → psnr → sink); only
 * the first {@code seconds} are compared, which is enough to rank settings and keeps the cost bounded.
 */
public final class QualityMeter {

    /** Mean SSIM (0–1) and mean PSNR (dB, capped at 100 for identical frames). */
    public record Quality(double ssim, double psnr) {
    }

    /** Paths go into a filter description; anything beyond these characters is refused rather than escaped. */
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9/._+-]+");

    public Quality measure(Path source, Path rung, TranscodePlan plan, TranscodePlan.Rung spec, int seconds) {
        FfmpegLog.install();
        String description = "movie=filename=" + safe(rung) + ",trim=duration=" + seconds
                + ",setpts=PTS-STARTPTS,format=yuv420p[dist];"
                + "movie=filename=" + safe(source) + ",trim=duration=" + seconds + ",setpts=PTS-STARTPTS,"
                + RungEncoder.chain(plan, spec) + ",split[r1][r2];"
                + "[dist][r1]ssim[scored];[scored][r2]psnr";
        AVFilterGraph graph = avfilter_graph_alloc();
        AVFrame frame = av_frame_alloc();
        try {
            AVFilterContext sink = new AVFilterContext();
            Av.check(avfilter_graph_create_filter(sink, avfilter_get_by_name("buffersink"), "out", null, null,
                    graph), "quality sink");
            AVFilterInOut inputs = avfilter_inout_alloc();
            inputs.name(av_strdup(new BytePointer("out"))).filter_ctx(sink).pad_idx(0).next(null);
            try {
                Av.check(avfilter_graph_parse_ptr(graph, description, inputs, (AVFilterInOut) null, null),
                        "quality graph");
            } finally {
                avfilter_inout_free(inputs);
            }
            Av.check(avfilter_graph_config(graph, null), "quality graph");
            return average(sink, frame);
        } finally {
            av_frame_free(frame);
            avfilter_graph_free(graph);
        }
    }

    private static Quality average(AVFilterContext sink, AVFrame frame) {
        double ssim = 0;
        double psnr = 0;
        int frames = 0;
        int ret;
        while ((ret = av_buffersink_get_frame(sink, frame)) >= 0) {
            ssim += number(frame, "lavfi.ssim.All", 1.0);
            psnr += Math.min(100, number(frame, "lavfi.psnr.psnr_avg", 100));
            frames++;
            av_frame_unref(frame);
        }
        if (ret != AVERROR_EOF || frames == 0) {
            throw new FfmpegException("quality", ret, frames + " frames compared");
        }
        return new Quality(ssim / frames, psnr / frames);
    }

    private static double number(AVFrame frame, String key, double whenInfinite) {
        AVDictionaryEntry entry = av_dict_get(frame.metadata(), key, null, 0);
        if (entry == null) {
            throw new FfmpegException("quality", -1, "no " + key);
        }
        String value = entry.value().getString();
        return value.startsWith("inf") ? whenInfinite : Double.parseDouble(value);
    }

    private static String safe(Path path) {
        String text = path.toAbsolutePath().toString();
        if (!SAFE_PATH.matcher(text).matches()) {
            throw new FfmpegException("quality", -1, "path not usable in a filter description: " + text);
        }
        return text;
    }
}
