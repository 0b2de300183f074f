package io.clipfeed.demo;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ShortBuffer;
import java.nio.file.Path;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Makes a short clip in-process with the bundled FFmpeg (no download, no ffmpeg executable): Java2D-drawn frames
 * ({@link ClipPainter}) and a chord, encoded as H.264 High + AAC in an MP4 whose index (moov) comes first, so it
 * plays while still downloading — like a phone recording would after upload processing.
 */
final class ClipGenerator {

    static final int SAMPLE_RATE = 44_100;
    private static final int CHANNELS = 2;

    private ClipGenerator() {
    }

    static void generate(ClipSpec spec, Path out) throws IOException {
        ClipPainter painter = new ClipPainter(spec);
        ChordSynth synth = new ChordSynth(spec.chordHz(), SAMPLE_RATE, spec.durationMs());
        BufferedImage canvas = new BufferedImage(spec.width(), spec.height(), BufferedImage.TYPE_3BYTE_BGR);
        try (FFmpegFrameRecorder recorder = recorder(spec, out);
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.start();
            int samplesPerFrame = SAMPLE_RATE / spec.fps();
            for (int i = 0; i < spec.frames(); i++) {
                painter.paint(canvas, i);
                recorder.record(converter.convert(canvas), avutil.AV_PIX_FMT_BGR24);
                short[] samples = synth.next(samplesPerFrame, CHANNELS);
                recorder.recordSamples(SAMPLE_RATE, CHANNELS, ShortBuffer.wrap(samples));
            }
            recorder.stop();
        } catch (FrameRecorder.Exception e) {
            throw new IOException("Encoding the demo clip failed: " + e.getMessage(), e);
        }
    }

    private static FFmpegFrameRecorder recorder(ClipSpec spec, Path out) {
        FFmpegFrameRecorder r = new FFmpegFrameRecorder(out.toFile(), spec.width(), spec.height(), CHANNELS);
        r.setFormat("mp4");
        r.setVideoCodec(avcodec.AV_CODEC_ID_H264);
        r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        r.setFrameRate(spec.fps());
        r.setGopSize(spec.fps());
        r.setVideoOption("profile", "high");
        r.setVideoOption("preset", "veryfast");
        r.setVideoOption("crf", "23");
        r.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
        r.setSampleRate(SAMPLE_RATE);
        r.setAudioBitrate(128_000);
        // muxer option: rewrite the file so the moov box precedes the media data (progressive playback)
        r.setOption("movflags", "+faststart");
        return r;
    }
}
