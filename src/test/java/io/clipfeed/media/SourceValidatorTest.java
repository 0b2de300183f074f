package io.clipfeed.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SourceValidatorTest {

    private final SourceValidator validator = new SourceValidator(MediaSettings.defaults());

    private String reasonFor(Probe probe) {
        Verdict verdict = validator.check(probe);
        return verdict instanceof Verdict.Rejected rejected ? rejected.reason() : null;
    }

    @Test
    void acceptsAnOrdinaryPhoneClip() {
        assertThat(validator.check(Probes.h264Aac(1080, 1920, 30))).isInstanceOf(Verdict.Accepted.class);
    }

    @Test
    void rejectsAudioOnlyFiles() {
        Probe audioOnly = Probes.probe("mp3", null, Probes.aac(), 10_000, 128_000);
        assertThat(reasonFor(audioOnly)).contains("no video track");
    }

    @Test
    void rejectsStillImagesEvenWhenNamedLikeVideos() {
        Probe png = Probes.probe("png_pipe", Probes.video("png", "", 64, 64, 0, 25), null, 0, 0);
        assertThat(reasonFor(png)).isEqualTo("This file is a still image, not a video.");
    }

    @Test
    void rejectsClipsShorterThanOneSecond() {
        Probe blink = Probes.probe("mov,mp4,m4a,3gp,3g2,mj2", Probes.video("h264", "High", 640, 360, 0, 30),
                null, 600, 1_000_000);
        assertThat(reasonFor(blink)).isEqualTo("The video is shorter than 1 second.");
    }

    @Test
    void rejectsClipsLongerThanTheConfiguredMaximum() {
        Probe twoHours = Probes.probe("matroska,webm", Probes.video("h264", "High", 16, 16, 0, 25), null,
                Duration.ofHours(2).toMillis(), 10_000);
        assertThat(reasonFor(twoHours)).isEqualTo("The video is longer than 10 minutes, the longest we accept.");
    }

    @Test
    void rejectsMoreThan4096PixelsOnASideFromHeadersAlone() {
        Probe huge = Probes.h264Aac(8192, 8192, 30);
        assertThat(validator.headerProblem(huge)).contains("8192×8192").contains("4096 pixels on a side");
    }

    @Test
    void rejectsAbsurdPixelCountsWithinTheSideLimit() {
        assertThat(reasonFor(Probes.h264Aac(4096, 4096, 30))).contains("too large");
    }

    @Test
    void rejectsVideoTracksWithoutADecoder() {
        Probe.VideoTrack unknown = new Probe.VideoTrack("none", "", "", 640, 480, 0, 1, 1, 25, false, 0, false);
        assertThat(reasonFor(Probes.probe("avi", unknown, null, 5_000, 1_000_000)))
                .isEqualTo("The video track uses a format we cannot decode.");
    }

    @Test
    void rejectsSourcesOfWhichNoFrameDecodes() {
        Probe h = Probes.h264Aac(640, 480, 30);
        Probe damaged = new Probe(h.container(), h.sizeBytes(), h.durationMs(), 0, h.bitrate(), h.video(),
                h.audio(), 0, 17);
        assertThat(reasonFor(damaged)).startsWith("The video is damaged beyond repair");
    }

    @Test
    void toleratesAFewBrokenFramesAmongGoodOnes() {
        Probe h = Probes.h264Aac(640, 480, 30);
        Probe scratched = new Probe(h.container(), h.sizeBytes(), h.durationMs(), 0, h.bitrate(), h.video(),
                h.audio(), 20, 4);
        assertThat(validator.check(scratched)).isInstanceOf(Verdict.Accepted.class);
    }
}
