package io.clipfeed.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoStatus;
import io.clipfeed.catalog.Visibility;

class PlaybackFormatTest {

    private static final Duration MINUTE = Duration.ofSeconds(60);

    private static Video lasting(Long ms) {
        return new Video("v1", "c1", "t", "", List.of(), Visibility.PUBLIC, VideoStatus.PUBLISHED, null, ms, 720,
                1280, null, null, 100, List.of(), Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void shortClipsOnAGoodNetworkStartAsProgressiveMp4() {
        assertThat(PlaybackFormat.advise(lasting(15_000L), PlaybackHints.parse(null, null, "4g", null), MINUTE,
                true, true)).isEqualTo("mp4");
        assertThat(PlaybackFormat.advise(lasting(null), PlaybackHints.DEFAULT, MINUTE, true, true)).isEqualTo("mp4");
    }

    @Test
    void longClipsPlayAsHls() {
        assertThat(PlaybackFormat.advise(lasting(60_001L), PlaybackHints.DEFAULT, MINUTE, true, true))
                .isEqualTo("hls");
        assertThat(PlaybackFormat.advise(lasting(60_000L), PlaybackHints.DEFAULT, MINUTE, true, true))
                .isEqualTo("mp4");
    }

    @Test
    void poorNetworksAndSaveDataPlayAsHls() {
        for (String net : List.of("slow-2g", "2g", "3g")) {
            assertThat(PlaybackFormat.advise(lasting(5_000L), PlaybackHints.parse(null, null, net, null), MINUTE,
                    true, true)).as(net).isEqualTo("hls");
        }
        assertThat(PlaybackFormat.advise(lasting(5_000L), PlaybackHints.parse(null, null, null, "on"), MINUTE,
                true, true)).isEqualTo("hls");
    }

    @Test
    void adviceNeverNamesAFormatTheVideoLacks() {
        assertThat(PlaybackFormat.advise(lasting(600_000L), PlaybackHints.DEFAULT, MINUTE, true, false))
                .isEqualTo("mp4");
        assertThat(PlaybackFormat.advise(lasting(1_000L), PlaybackHints.DEFAULT, MINUTE, false, true))
                .isEqualTo("hls");
    }
}
