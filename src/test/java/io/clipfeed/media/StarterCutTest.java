package io.clipfeed.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.clipfeed.catalog.Rendition;

class StarterCutTest {

    private static StarterCut.Rung rung(String codec, int width, int height) {
        return new StarterCut.Rung(new Rendition("r" + width + codec, "mp4", codec, width, height, 1, 1, "k", null,
                null, null), Path.of(width + "x" + height + ".mp4"));
    }

    @Test
    void picksTheSmallestH264RungWhoseShortSideReaches360() {
        assertThat(StarterCut.pick(List.of(rung("avc1.64000d,mp4a.40.2", 240, 426),
                rung("hvc1.1.6.L93.B0,mp4a.40.2", 360, 640), rung("avc1.64001e,mp4a.40.2", 360, 640),
                rung("avc1.64001f,mp4a.40.2", 720, 1280))).orElseThrow().mp4()).isEqualTo(Path.of("360x640.mp4"));
        assertThat(StarterCut.pick(List.of(rung("avc1.64001f", 960, 720), rung("avc1.64001e", 480, 360)))
                .orElseThrow().mp4()).isEqualTo(Path.of("480x360.mp4"));
    }

    @Test
    void aSmallLadderStartsWithItsLargestH264RungAndHevcAloneHasNoStarter() {
        assertThat(StarterCut.pick(List.of(rung("avc1.64000b", 144, 256), rung("avc1.64000d", 240, 426)))
                .orElseThrow().mp4()).isEqualTo(Path.of("240x426.mp4"));
        assertThat(StarterCut.pick(List.of(rung("hvc1.1.6.L93.B0", 720, 1280)))).isEmpty();
    }
}
