package io.clipfeed.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoryboardVttTest {

    @Test
    void everyTileIsACueWithItsPlaceInTheSprite() {
        String vtt = StoryboardVtt.of("ab.jpg", 160, 90, 2, 2000, 3, 5500);
        assertThat(vtt).isEqualTo("""
                WEBVTT

                00:00:00.000 --> 00:00:02.000
                ab.jpg#xywh=0,0,160,90

                00:00:02.000 --> 00:00:04.000
                ab.jpg#xywh=160,0,160,90

                00:00:04.000 --> 00:00:05.500
                ab.jpg#xywh=0,90,160,90
                """);
    }

    @Test
    void formatsHoursMinutesSecondsAndMillis() {
        assertThat(StoryboardVtt.time(3_723_004)).isEqualTo("01:02:03.004");
    }
}
