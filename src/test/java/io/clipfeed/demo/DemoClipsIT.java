package io.clipfeed.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every demo clip, generated with the bundled FFmpeg and probed back with it. */
@io.clipfeed.DatabaseFree
class DemoClipsIT {

    @TempDir
    Path dir;

    @Test
    void everyDemoClipIsAPortraitH264HighAacFaststartMp4OfTheRightLength() throws Exception {
        for (DemoContent.DemoClip clip : DemoContent.CLIPS) {
            ClipSpec spec = clip.spec();
            Path file = dir.resolve(clip.title().replace(' ', '_') + ".mp4");
            ClipGenerator.generate(spec, file);

            try (FFmpegFrameGrabber probe = new FFmpegFrameGrabber(file.toFile())) {
                probe.start();
                assertThat(probe.getVideoCodec()).as(clip.title()).isEqualTo(avcodec.AV_CODEC_ID_H264);
                assertThat(videoStream(probe).profile()).as("High profile").isEqualTo(avcodec.AV_PROFILE_H264_HIGH);
                assertThat(probe.getImageWidth()).isEqualTo(spec.width());
                assertThat(probe.getImageHeight()).isEqualTo(spec.height());
                assertThat(probe.getImageHeight()).isGreaterThan(probe.getImageWidth());
                assertThat(probe.getFrameRate()).isCloseTo(30.0, org.assertj.core.data.Offset.offset(0.01));
                assertThat(probe.getAudioCodec()).isEqualTo(avcodec.AV_CODEC_ID_AAC);
                assertThat(probe.getAudioChannels()).isEqualTo(2);
                assertThat(probe.getLengthInTime() / 1000).as("duration ms")
                        .isBetween(spec.durationMs() - 100L, spec.durationMs() + 150L);
                assertThat(spec.durationMs()).isBetween(2000, 4000);
                assertThat(countVideoFrames(probe)).isEqualTo(spec.frames());
            }
            List<String> boxes = topLevelBoxes(file);
            assertThat(boxes.indexOf("moov")).as("faststart: moov before mdat " + boxes)
                    .isNotNegative().isLessThan(boxes.indexOf("mdat"));
        }
    }

    @Test
    void framesReallyMoveAndTheSoundTrackIsNotSilent() throws Exception {
        ClipSpec spec = DemoContent.CLIPS.get(0).spec();
        Path file = dir.resolve("motion.mp4");
        ClipGenerator.generate(spec, file);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.start();
            byte[] first = lumaOf(grabber.grabImage());
            for (int i = 0; i < spec.frames() / 2; i++) {
                grabber.grabImage();
            }
            byte[] middle = lumaOf(grabber.grabImage());
            assertThat(middle).isNotEqualTo(first);
            grabber.setTimestamp(1_000_000L);
            var audio = grabber.grabSamples();
            java.nio.ShortBuffer samples = (java.nio.ShortBuffer) audio.samples[0];
            int peak = 0;
            while (samples.hasRemaining()) {
                peak = Math.max(peak, Math.abs(samples.get()));
            }
            assertThat(peak).as("16-bit audio peak at 1 s").isGreaterThan(Short.MAX_VALUE / 20);
        }
    }

    private static AVCodecParameters videoStream(FFmpegFrameGrabber probe) {
        var ctx = probe.getFormatContext();
        for (int i = 0; i < ctx.nb_streams(); i++) {
            if (ctx.streams(i).codecpar().codec_type() == avutil.AVMEDIA_TYPE_VIDEO) {
                return ctx.streams(i).codecpar();
            }
        }
        throw new AssertionError("no video stream");
    }

    private static int countVideoFrames(FFmpegFrameGrabber grabber) throws Exception {
        int n = 0;
        while (grabber.grabImage() != null) {
            n++;
        }
        return n;
    }

    private static byte[] lumaOf(org.bytedeco.javacv.Frame frame) {
        java.nio.ByteBuffer b = ((java.nio.ByteBuffer) frame.image[0]).duplicate();
        byte[] out = new byte[Math.min(b.remaining(), 64 * 1024)];
        b.get(out);
        return out;
    }

    /** The MP4's top-level box types in file order. */
    private static List<String> topLevelBoxes(Path file) throws IOException {
        List<String> types = new ArrayList<>();
        long size = Files.size(file);
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(raw)) {
            long pos = 0;
            while (pos + 8 <= size) {
                long boxSize = Integer.toUnsignedLong(in.readInt());
                byte[] type = in.readNBytes(4);
                types.add(new String(type, StandardCharsets.US_ASCII));
                long header = 8;
                if (boxSize == 1) {
                    boxSize = in.readLong();
                    header = 16;
                }
                in.skipNBytes(boxSize - header);
                pos += boxSize;
            }
        }
        return types;
    }
}
