package io.clipfeed.media;

import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Path;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * Builds short test clips with the bundled FFmpeg (through JavaCV): a moving pattern, optionally a tone, in any
 * codec/container FFmpeg can write, with an optional rotation flag.
 */
final class ClipMaker {

    private String format = "mp4";
    private String videoCodec = "libx264";
    private String audioCodec = "aac";
    private int width = 320;
    private int height = 240;
    private double fps = 25;
    private double seconds = 2;
    private boolean audio = true;
    private int rotation;
    private int toneAmplitude = 8000;
    private boolean hdr;

    static ClipMaker clip() {
        return new ClipMaker();
    }

    ClipMaker format(String value) { format = value; return this; }
    ClipMaker video(String codec) { videoCodec = codec; return this; }
    ClipMaker audio(String codec) { audioCodec = codec; return this; }
    ClipMaker silent() { audio = false; return this; }
    ClipMaker size(int w, int h) { width = w; height = h; return this; }
    ClipMaker fps(double value) { fps = value; return this; }
    ClipMaker seconds(double value) { seconds = value; return this; }
    ClipMaker rotation(int degrees) { rotation = degrees; return this; }
    /** Peak of the 440 Hz test tone (of 32767): 250 is a whisper, 30000 almost full scale. */
    ClipMaker tone(int amplitude) { toneAmplitude = amplitude; return this; }
    /** 10-bit HEVC tagged as HDR10: PQ transfer, BT.2020 primaries and matrix (as an iPhone HDR clip). */
    ClipMaker hdr10() { hdr = true; videoCodec = "libx265"; return this; }

    /** An audio-only file (a song, a voice memo). */
    Path writeAudioOnly(Path file) throws Exception {
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 2)) {
            recorder.setFormat(format);
            recorder.setAudioCodecName(audioCodec);
            recorder.setSampleRate(44_100);
            recorder.start();
            for (int i = 0; i < seconds * 25; i++) {
                recorder.recordSamples(44_100, 2, tone(i, 44_100 / 25.0));
            }
            recorder.stop();
        }
        return file;
    }

    Path write(Path file) throws Exception {
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, audio ? 2 : 0)) {
            recorder.setFormat(format);
            recorder.setVideoCodecName(videoCodec);
            recorder.setFrameRate(fps);
            recorder.setGopSize(12);
            // Cinepak only encodes RGB
            recorder.setPixelFormat("cinepak".equals(videoCodec) ? avutil.AV_PIX_FMT_RGB24 : avutil.AV_PIX_FMT_YUV420P);
            if ("libx264".equals(videoCodec) || "libx265".equals(videoCodec)) {
                recorder.setVideoOption("preset", "ultrafast");
            }
            if (hdr) {
                recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P10LE);
                recorder.setVideoOption("color_primaries", "bt2020");
                recorder.setVideoOption("color_trc", "smpte2084");
                recorder.setVideoOption("colorspace", "bt2020nc");
                recorder.setVideoOption("x265-params",
                        "colorprim=bt2020:transfer=smpte2084:colormatrix=bt2020nc:log-level=error");
            }
            if (audio) {
                recorder.setAudioCodecName(audioCodec);
                recorder.setSampleRate(44_100);
                recorder.setAudioBitrate(96_000);
            }
            if (rotation != 0) {
                recorder.setDisplayRotation(rotation);
            }
            recorder.start();
            recorder.setVideoQuality(4);
            int frames = (int) Math.round(seconds * fps);
            Frame frame = new Frame(width, height, Frame.DEPTH_UBYTE, 3);
            for (int i = 0; i < frames; i++) {
                paint(frame, i);
                recorder.record(frame);
                if (audio) {
                    recorder.recordSamples(44_100, 2, tone(i, 44_100 / fps));
                }
            }
            recorder.stop();
        }
        return file;
    }

    private void paint(Frame frame, int index) {
        ByteBuffer pixels = (ByteBuffer) frame.image[0];
        int stride = frame.imageStride;
        // a row at a time into an array, then one bulk copy: the 8192² corpus clip paints in a fraction of the time
        byte[] row = new byte[width * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                row[x * 3] = (byte) ((x + index * 4) & 0xff);
                row[x * 3 + 1] = (byte) ((y * 2 + index) & 0xff);
                row[x * 3 + 2] = (byte) (((x ^ y) + index * 8) & 0xff);
            }
            pixels.put(y * stride, row);
        }
    }

    private ShortBuffer tone(int index, double samplesPerFrame) {
        int count = (int) samplesPerFrame;
        ShortBuffer buffer = ShortBuffer.allocate(count * 2);
        for (int i = 0; i < count; i++) {
            short s = (short) (toneAmplitude * Math.sin(2 * Math.PI * 440 * (index * count + i) / 44_100.0));
            buffer.put(s).put(s);
        }
        return buffer.flip();
    }
}
