package io.clipfeed.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * A short, silent, looping animated WebP of the clip (what a feed shows on hover or while the video loads),
 * upright and small: {@code seconds} from a quarter into the clip at {@code fps}, frames picked by their real
 * timestamps (sources are often VFR), one per 1/fps tick.
 */
public final class PreviewMaker {

    /** Reads the source on its own (see {@link CoverArt} to share one decode with the covers and storyboard). */
    public Path preview(Path source, int rotation, int shortSide, int seconds, int fps, Path target) {
        try (FramePass pass = new FramePass(source);
                Recording recording = new Recording(pass, rotation, shortSide, seconds, fps, target)) {
            pass.run(List.of(recording));
            return recording.finish();
        }
    }

    /** The preview as a tap of a {@link FramePass}: each taken frame is scaled, turned and encoded at once. */
    static final class Recording implements FramePass.Tap, AutoCloseable {

        private final int rotation;
        private final int shortSide;
        private final int fps;
        private final Path target;
        private final long start;
        private final long tick;
        private final int wanted;
        private final AVPacket packet = av_packet_alloc();
        private final AVFrame scaled = av_frame_alloc();
        private long next;
        private int written;
        private FilterGraph filter;
        private AVCodecContext encoder;
        private Muxer muxer;
        private int streamIndex;

        Recording(FramePass pass, int rotation, int shortSide, int seconds, int fps, Path target) {
            FfmpegLog.install();
            this.rotation = rotation;
            this.shortSide = shortSide;
            this.fps = fps;
            this.target = target;
            long length = pass.durationMicros();
            this.start = Math.max(0, Math.min(length / 4, length - seconds * 1_000_000L));
            this.tick = 1_000_000L / fps;
            this.wanted = seconds * fps;
            this.next = start;
        }

        @Override
        public long wanted() {
            return written < wanted ? next : Long.MAX_VALUE;
        }

        @Override
        public void take(AVFrame frame, long micros) {
            next += tick * Math.max(1, (micros - next) / tick + 1);
            if (filter == null) {
                int[] size = SmallPictures.uprightSize(frame.width(), frame.height(), rotation, shortSide);
                filter = FilterGraph.video(frame, av_make_q(1, 1000), SmallPictures.chain(rotation, size[0], size[1],
                        "yuv420p"));
            }
            filter.push(frame);
            while (filter.pull(scaled)) {
                if (encoder == null) {
                    open(scaled);
                }
                scaled.pts(written++);
                send(scaled);
                av_frame_unref(scaled);
            }
        }

        private void open(AVFrame first) {
            AVCodec codec = avcodec_find_encoder_by_name("libwebp_anim");
            encoder = avcodec_alloc_context3(codec);
            encoder.width(first.width());
            encoder.height(first.height());
            encoder.pix_fmt(AV_PIX_FMT_YUV420P);
            encoder.time_base(av_make_q(1, fps));
            encoder.framerate(av_make_q(fps, 1));
            AVDictionary options = Av.dictionary(Map.of("quality", "70"));
            try {
                Av.check(avcodec_open2(encoder, codec, options), "open libwebp_anim");
            } finally {
                av_dict_free(options);
            }
            muxer = new Muxer("webp", target.toString());
            streamIndex = muxer.addStream(encoder);
            muxer.writeHeader(Map.of("loop", "0"));
        }

        private void send(AVFrame frame) {
            Av.check(avcodec_send_frame(encoder, frame), "encode preview");
            while (avcodec_receive_packet(encoder, packet) >= 0) {
                muxer.write(packet, streamIndex, encoder.time_base());
            }
        }

        /** Flushes the encoder and closes the file. */
        Path finish() {
            if (encoder == null) {
                throw new FfmpegException("preview", AVERROR_INVALIDDATA, "no frames");
            }
            send(null);
            muxer.finish();
            return target;
        }

        @Override
        public void close() {
            if (filter != null) {
                filter.close();
            }
            if (muxer != null) {
                muxer.close();
            }
            if (encoder != null) {
                avcodec_free_context(encoder);
            }
            av_frame_free(scaled);
            av_packet_free(packet);
        }
    }
}
