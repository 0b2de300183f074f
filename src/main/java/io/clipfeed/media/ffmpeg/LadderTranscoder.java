package io.clipfeed.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.*;

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
        List<RungEncoder> encoders = new ArrayList<>();
        List<RungWorker> workers = new ArrayList<>();
        boolean completed = false;
        try (SourceDecoder decoder = new SourceDecoder(source);
                AudioChain audio = decoder.hasAudio() && plan.audio() != null
                        ? new AudioChain(decoder.audioTimeBase(), plan.audio().sampleRate(), plan.audio().bitrate())
                        : null) {
            List<EncodedRung> outputs = new ArrayList<>();
            try {
                for (TranscodePlan.Rung rung : rungs) {
                    Path mp4 = dir.resolve(rung.name() + "-" + rung.preset() + ".mp4");
                    RungEncoder encoder = new RungEncoder(plan, rung, decoder.videoTimeBase(),
                            audio == null ? null : audio.encoder(), mp4);
                    encoders.add(encoder);
                    workers.add(new RungWorker(encoder, rung.name()));
                    outputs.add(new EncodedRung(rung, mp4));
                }
                workers.forEach(RungWorker::start);
                AVRational audioTimeBase = audio == null ? null : audio.encoder().time_base();
                decoder.run(frame -> workers.forEach(w -> w.video(frame)),
                        frame -> { if (audio != null) { audio.accept(frame, p -> fanOut(workers, p, audioTimeBase)); } },
                        stop, percent);
                if (audio != null) {
                    audio.accept(null, p -> fanOut(workers, p, audioTimeBase));
                }
                workers.forEach(RungWorker::end);
                workers.forEach(w -> w.join(false));
                workers.forEach(RungWorker::rethrowFailure);
                completed = true;
                return outputs;
            } finally {
                if (!completed) {
                    workers.forEach(w -> w.join(true));
                }
                encoders.forEach(RungEncoder::close);
            }
        }
    }

    private static void fanOut(List<RungWorker> workers, AVPacket packet, AVRational timeBase) {
        workers.forEach(w -> w.audio(packet, timeBase));
    }
}
