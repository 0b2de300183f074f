package io.clipfeed.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.clipfeed.delivery.PlayInfo;

class FirstVideoTest {

    private static PlayInfo play(String format, PlayInfo.RenditionInfo chosen, PlayInfo.Alternate... alternates) {
        return withStarter(null, format, chosen, alternates);
    }

    private static PlayInfo withStarter(PlayInfo.Starter starter, String format, PlayInfo.RenditionInfo chosen,
            PlayInfo.Alternate... alternates) {
        return new PlayInfo("/m/chosen.mp4", "/m/master.m3u8", chosen, List.of(alternates), null, null,
                Instant.EPOCH, format, starter);
    }

    @Test
    void aStarterOfThePickedRungIsLoadedFirstAndTheRungWithSoundNamed() {
        PlayInfo.RenditionInfo top = new PlayInfo.RenditionInfo("avc1.64001f", 720, 1280, 2_000_000);
        PlayInfo.Alternate rung360 = new PlayInfo.Alternate("/m/360.mp4", "avc1.64001e", 360, 640, 700_000);
        FirstVideo video = FirstVideo.of(withStarter(new PlayInfo.Starter("/m/starter.mp4", "avc1.64001e", 360, 640),
                "mp4", top, rung360)).orElseThrow();
        assertThat(video).isEqualTo(new FirstVideo("/m/360.mp4", 360, 640, "/m/starter.mp4"));
        assertThat(video.src()).isEqualTo("/m/starter.mp4");
        // a starter of another size (an older ladder) is not that rung's copy: the rung itself is loaded
        FirstVideo other = FirstVideo.of(withStarter(new PlayInfo.Starter("/m/starter.mp4", "avc1.64001e", 540, 960),
                "mp4", top, rung360)).orElseThrow();
        assertThat(other.src()).isEqualTo("/m/360.mp4");
        assertThat(other.starterUrl()).isNull();
    }

    @Test
    void startsWithTheSmallestH264RungThatIsAtLeastAPhoneWide() {
        PlayInfo play = play("mp4", new PlayInfo.RenditionInfo("avc1.640028", 1080, 1920, 4_000_000),
                new PlayInfo.Alternate("/m/720.mp4", "avc1.64001f", 720, 1280, 2_000_000),
                new PlayInfo.Alternate("/m/240.mp4", "avc1.64000d", 240, 426, 300_000),
                new PlayInfo.Alternate("/m/hevc360.mp4", "hvc1.1.6.L93.B0", 360, 640, 400_000),
                new PlayInfo.Alternate("/m/360.mp4", "avc1.64001e", 360, 640, 700_000));
        assertThat(FirstVideo.of(play)).contains(new FirstVideo("/m/360.mp4", 360, 640));
    }

    @Test
    void landscapeRungsAreMeasuredByTheirShortSide() {
        PlayInfo play = play("mp4", new PlayInfo.RenditionInfo("avc1.64001f", 960, 720, 2_000_000),
                new PlayInfo.Alternate("/m/540.mp4", "avc1.64001f", 720, 540, 1_200_000),
                new PlayInfo.Alternate("/m/360.mp4", "avc1.64001e", 480, 360, 600_000));
        assertThat(FirstVideo.of(play)).contains(new FirstVideo("/m/360.mp4", 480, 360));
    }

    @Test
    void takesTheLargestWhenEveryRungIsSmallerThanAPhone() {
        PlayInfo play = play("mp4", new PlayInfo.RenditionInfo("avc1.64000d", 240, 426, 300_000),
                new PlayInfo.Alternate("/m/144.mp4", "avc1.64000b", 144, 256, 100_000));
        assertThat(FirstVideo.of(play)).contains(new FirstVideo("/m/chosen.mp4", 240, 426));
    }

    @Test
    void startsNothingWhenDeliveryAdvisesHlsOrThereIsNoH264Mp4() {
        assertThat(FirstVideo.of(play("hls", new PlayInfo.RenditionInfo("avc1.64001f", 720, 1280, 2_000_000))))
                .isEmpty();
        assertThat(FirstVideo.of(play("mp4", new PlayInfo.RenditionInfo("hvc1.1.6.L93.B0", 720, 1280, 1_000_000))))
                .isEmpty();
        assertThat(FirstVideo.of(null)).isEmpty();
    }
}
