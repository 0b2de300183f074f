package io.clipfeed.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.clipfeed.media.ffmpeg.LadderTranscoder;

/**
 * Every awkward or hostile input a creator might upload ends either rejected with a sentence or correctly
 * transcoded (the instant rung, checked by probing it) — and never brings the process down.
 */
@io.clipfeed.DatabaseFree
class BadInputCorpusIT {

    @TempDir
    Path dir;

    private final SourceInspector inspector = new SourceInspector(MediaSettings.defaults());
    private final TranscodePlanner planner = new TranscodePlanner(MediaSettings.defaults());

    private String rejection(Path file) {
        Verdict verdict = inspector.inspect(file);
        assertThat(verdict).isInstanceOf(Verdict.Rejected.class);
        return ((Verdict.Rejected) verdict).reason();
    }

    /** Accepts, plans and encodes the fast rung; returns the probe of the produced MP4. */
    private Probe transcoded(Path file) throws Exception {
        Verdict verdict = inspector.inspect(file);
        assertThat(verdict).isInstanceOf(Verdict.Accepted.class);
        TranscodePlan plan = planner.plan(((Verdict.Accepted) verdict).probe());
        TranscodePlan.Rung rung = plan.rungs().get(0);
        Path work = Files.createDirectories(dir.resolve("out-" + file.getFileName()));
        List<LadderTranscoder.EncodedRung> out = new LadderTranscoder().transcode(file, plan, List.of(rung), work,
                () -> false, p -> { });
        Probe probe = MediaInspector.probe(out.get(0).mp4());
        assertThat(probe.video().codec()).isEqualTo("h264");
        assertThat(probe.video().width()).isEqualTo(rung.width());
        assertThat(probe.video().height()).isEqualTo(rung.height());
        return probe;
    }

    @Test
    void emptyFileIsNotAVideo() throws Exception {
        assertThat(rejection(Files.createFile(dir.resolve("empty.mp4")))).isEqualTo(SourceInspector.NOT_A_VIDEO);
    }

    @Test
    void textFileIsNotAVideo() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.mp4"), "Dear diary, today I filmed a cup.\n".repeat(50));
        assertThat(rejection(text)).isEqualTo(SourceInspector.NOT_A_VIDEO);
    }

    @Test
    void randomBytesAreNotAVideo() throws Exception {
        byte[] noise = new byte[200_000];
        new Random(42).nextBytes(noise);
        assertThat(rejection(Files.write(dir.resolve("noise.mp4"), noise))).isIn(SourceInspector.NOT_A_VIDEO,
                "This file has no video track; only videos can be posted.");
    }

    @Test
    void pngNamedMp4IsAStillImage() throws Exception {
        Path png = dir.resolve("holiday.mp4");
        ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        assertThat(rejection(png)).isEqualTo("This file is a still image, not a video.");
    }

    @Test
    void audioOnlyFileHasNoVideoTrack() throws Exception {
        Path song = ClipMaker.clip().format("mp4").seconds(2).writeAudioOnly(dir.resolve("song.mp4"));
        assertThat(rejection(song)).isEqualTo("This file has no video track; only videos can be posted.");
    }

    @Test
    void truncatedMp4WithoutMoovIsNotReadable() throws Exception {
        Path whole = ClipMaker.clip().seconds(3).write(dir.resolve("whole.mp4")); // moov at the end
        Path cut = dir.resolve("cut.mp4");
        Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(whole), (int) (Files.size(whole) / 2)));
        assertThat(MediaInspector.boxTypes(whole)).containsSubsequence("mdat", "moov");
        assertThat(rejection(cut)).isEqualTo(SourceInspector.NOT_A_VIDEO);
    }

    @Test
    void bitFlippedMp4StillTranscodesDespiteBrokenFrames() throws Exception {
        Path flipped = dir.resolve("flipped.mp4");
        Files.copy(LadderTranscoderIT.shared("cup.mp4"), flipped);
        MediaInspector.Box mdat = MediaInspector.topLevelBoxes(flipped).stream()
                .filter(b -> b.type().equals("mdat")).findFirst().orElseThrow();
        Random random = new Random(7);
        try (RandomAccessFile file = new RandomAccessFile(flipped.toFile(), "rw")) {
            for (int i = 0; i < 40; i++) {
                long at = mdat.offset() + 64 + (long) (random.nextDouble() * (mdat.size() - 128));
                file.seek(at);
                int value = file.read();
                file.seek(at);
                file.write(value ^ 0xff);
            }
        }
        Probe out = transcoded(flipped);
        assertThat(out.durationMs()).isGreaterThan(7_000);
    }

    @Test
    void oversizedFrameIsRejectedFromHeadersBeforeDecoding() throws Exception {
        Path huge = ClipMaker.clip().size(8192, 8192).fps(1).seconds(2).silent().write(dir.resolve("huge.mp4"));
        Verdict verdict = inspector.inspect(huge);
        assertThat(((Verdict.Rejected) verdict).reason()).contains("8192×8192").contains("4096 pixels on a side");
    }

    @Test
    void twoHourTinyVideoIsRejectedAsTooLong() throws Exception {
        Path long16 = ClipMaker.clip().size(16, 16).fps(1).seconds(7200).silent().write(dir.resolve("long.mp4"));
        assertThat(rejection(long16)).isEqualTo("The video is longer than 10 minutes, the longest we accept.");
    }

    @Test
    void legacyMpeg4Part2InAviIsTranscoded() throws Exception {
        Path avi = ClipMaker.clip().format("avi").video("mpeg4").audio("libmp3lame").write(dir.resolve("old.avi"));
        assertThat(transcoded(avi).audio().codec()).isEqualTo("aac");
    }

    @Test
    void legacyMsMpeg4IsTranscoded() throws Exception {
        Path avi = ClipMaker.clip().format("avi").video("msmpeg4v2").silent().write(dir.resolve("ms.avi"));
        assertThat(transcoded(avi).hasAudio()).isFalse();
    }

    @Test
    void legacyCinepakIsTranscoded() throws Exception {
        Path mov = ClipMaker.clip().format("mov").video("cinepak").silent().write(dir.resolve("cinepak.mov"));
        transcoded(mov);
    }

    @Test
    void mpeg2WithLateStartAndNoAudioStartsAtZero() throws Exception {
        Probe out = transcoded(LadderTranscoderIT.shared("city-cc0.mpg"));
        assertThat(out.startMs()).isLessThan(50);
        assertThat(out.hasAudio()).isFalse();
        assertThat(out.durationMs()).isCloseTo(7_600, within(300L));
    }

    @Test
    void mp3InMp4GetsAacAudio() throws Exception {
        Probe source = MediaInspector.probe(LadderTranscoderIT.shared("box.mp4"));
        assertThat(planner.plan(source).instant()).isInstanceOf(TranscodePlan.FastRung.class);
        Probe out = transcoded(LadderTranscoderIT.shared("box.mp4"));
        assertThat(out.audio().codec()).isEqualTo("aac");
        assertThat(out.audio().sampleRate()).isEqualTo(48_000);
        assertThat(out.audio().channels()).isEqualTo(2);
    }

    @Test
    void rotatedPhoneClipComesOutUpright() throws Exception {
        Path rotated = ClipMaker.clip().size(640, 360).rotation(90).write(dir.resolve("rotated.mp4"));
        Probe source = MediaInspector.probe(rotated);
        assertThat(source.video().rotation()).isIn(90, 270);
        Probe out = transcoded(rotated);
        assertThat(out.video().width()).isEqualTo(360);
        assertThat(out.video().height()).isEqualTo(640);
        assertThat(out.video().rotation()).isZero();
    }

    @Test
    void oddDimensionsBecomeEven() throws Exception {
        Path odd = ClipMaker.clip().size(321, 241).video("mpeg4").format("avi").silent().write(dir.resolve("odd.avi"));
        Probe out = transcoded(odd);
        assertThat(out.video().width() % 2).isZero();
        assertThat(out.video().height() % 2).isZero();
    }

    @Test
    void clipShorterThanOneSecondIsRejected() throws Exception {
        Path blink = ClipMaker.clip().seconds(0.4).write(dir.resolve("blink.mp4"));
        assertThat(rejection(blink)).isEqualTo("The video is shorter than 1 second.");
    }
}
