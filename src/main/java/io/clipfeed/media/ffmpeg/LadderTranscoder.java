package io.clipfeed.media.ffmpeg;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVRational;

import io.clipfeed.media.TranscodePlan;

/**
 * Decodes the source once and encodes every requested rung in the same pass: the decoder thread fans frames out
 * to one worker per rung (scale + x264 run concurrently), and encodes audio once for all of them.
 */
public final class LadderTranscoder {

    /** One finished rung: its faststart MP4. */
    public record EncodedRung(TranscodePlan.Rung rung, Path mp4) {
    }

    public List<EncodedRung> transcode(Path source, TranscodePlan plan, List<TranscodePlan.Rung> rungs, Path dir,
            BooleanSupplier stop, IntConsumer percent) {
        FfmpegLog.clear();
        try (SourceDecoder decoder = new SourceDecoder(source);
                AudioChain audio = decoder.hasAudio() && plan.audio() != null
                        ? new AudioChain(decoder.audioTimeBase(), plan.audio())
                        : null;
                Workers workers = new Workers(audio == null ? null : audio.encoder().time_base())) {
            List<EncodedRung> outputs = new ArrayList<>();
            for (TranscodePlan.Rung rung : rungs) {
                Path mp4 = dir.resolve(rung.name() + "-" + rung.preset() + ".mp4");
                workers.add(new RungEncoder(plan, rung, decoder.videoTimeBase(),
                        audio == null ? null : audio.encoder(), mp4), rung.name());
                outputs.add(new EncodedRung(rung, mp4));
            }
            workers.start();
            decoder.run(workers::video, frame -> {
                if (audio != null) {
                    audio.accept(frame, workers::audio);
                }
            }, stop, percent);
            if (audio != null) {
                audio.accept(null, workers::audio);
            }
            workers.finish();
            return outputs;
        }
    }

    /** The rung workers of one pass; closing joins (aborting if unfinished) before freeing native encoders. */
    private static final class Workers implements AutoCloseable {

        private final List<RungEncoder> encoders = new ArrayList<>();
        private final List<RungWorker> workers = new ArrayList<>();
        private final AVRational audioTimeBase;
        private boolean finished;

        Workers(AVRational audioTimeBase) {
            this.audioTimeBase = audioTimeBase;
        }

        void add(RungEncoder encoder, String name) {
            encoders.add(encoder);
            workers.add(new RungWorker(encoder, name));
        }

        void start() {
            workers.forEach(RungWorker::start);
        }

        void video(org.bytedeco.ffmpeg.avutil.AVFrame frame) {
            workers.forEach(w -> w.video(frame));
        }

        void audio(AVPacket packet) {
            workers.forEach(w -> w.audio(packet, audioTimeBase));
        }

        void finish() {
            workers.forEach(RungWorker::end);
            workers.forEach(w -> w.join(false));
            workers.forEach(RungWorker::rethrowFailure);
            finished = true;
        }

        @Override
        public void close() {
            if (!finished) {
                workers.forEach(w -> w.join(true));
            }
            encoders.forEach(RungEncoder::close);
        }
    }
}
