package io.clipfeed.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.clipfeed.catalog.Rendition;

class RenditionChoiceTest {

    static Rendition mp4(String codec, int width, int height, long bitrate) {
        return new Rendition(codec + height, "mp4", codec, width, height, bitrate, 1000, "k" + codec + height, null,
                null, null);
    }

    static final Rendition AVC_360 = mp4("avc1.4d401e", 360, 640, 700_000);
    static final Rendition AVC_540 = mp4("avc1.4d401f", 540, 960, 1_400_000);
    static final Rendition AVC_720 = mp4("avc1.64001f", 720, 1280, 2_600_000);
    static final Rendition HEVC_720 = mp4("hvc1.1.6.L93.B0", 720, 1280, 1_700_000);
    static final Rendition HLS_AVC = new Rendition("h1", "hls", "avc1", 720, 1280, 0, 100, "master-avc", null, null,
            null);
    static final Rendition HLS_MIXED = new Rendition("h2", "hls", "avc1,hvc1", 720, 1280, 0, 100, "master-mixed",
            null, null, null);
    static final List<Rendition> LADDER = List.of(AVC_360, HEVC_720, AVC_540, AVC_720, HLS_MIXED, HLS_AVC);

    static RenditionChoice choose(String codecs, Integer maxHeight, String net, String saveData) {
        return RenditionChoice.of(LADDER, PlaybackHints.parse(codecs, maxHeight, net, saveData));
    }

    @Test
    void withoutHintsPicksTheLargestH264() {
        RenditionChoice choice = choose(null, null, null, null);
        assertThat(choice.mp4()).contains(AVC_720);
        assertThat(choice.alternates()).containsExactly(AVC_540, AVC_360);
        assertThat(choice.hls()).contains(HLS_AVC);
    }

    @Test
    void neverOffersHevcUnlessTheClientListsIt() {
        for (String codecs : new String[] {null, "", "avc1", "avc1,vp09", "nonsense", "av01"}) {
            RenditionChoice choice = choose(codecs, null, "wifi", null);
            assertThat(choice.mp4()).isNotEqualTo(java.util.Optional.of(HEVC_720));
            assertThat(choice.alternates()).doesNotContain(HEVC_720);
        }
    }

    @Test
    void prefersTheMoreEfficientCodecAtTheSameSizeWhenListed() {
        RenditionChoice choice = choose("avc1,hvc1", null, null, null);
        assertThat(choice.mp4()).contains(HEVC_720);
        assertThat(choice.alternates()).containsExactly(AVC_720, AVC_540, AVC_360);
        assertThat(choice.hls()).contains(HLS_MIXED);
        assertThat(choose("av01", null, null, null).mp4()).isEmpty();
        assertThat(choose("hev1", null, null, null).mp4()).contains(HEVC_720);
    }

    @Test
    void capsBySizeNetworkAndSaveData() {
        assertThat(choose(null, 540, null, null).mp4()).contains(AVC_540);
        assertThat(choose(null, 600, null, null).mp4()).contains(AVC_540);
        assertThat(choose(null, null, "3g", null).mp4()).contains(AVC_540);
        assertThat(choose(null, null, "2g", null).mp4()).contains(AVC_360);
        assertThat(choose(null, null, "4g", null).mp4()).contains(AVC_720);
        assertThat(choose(null, null, null, "on").mp4()).contains(AVC_360);
        assertThat(choose("hvc1", null, "2g", null).mp4()).contains(HEVC_720);
    }

    @Test
    void fallsBackToTheSmallestWhenNothingFits() {
        assertThat(choose(null, 200, null, null).mp4()).contains(AVC_360);
        assertThat(choose(null, null, "slow-2g", null).mp4()).contains(AVC_360);
    }

    @Test
    void hasNothingToPlayWithoutADecodableRendition() {
        RenditionChoice choice = RenditionChoice.of(List.of(HEVC_720), PlaybackHints.DEFAULT);
        assertThat(choice.mp4()).isEmpty();
        assertThat(choice.alternates()).isEmpty();
        assertThat(choice.hls()).isEmpty();
    }

    @Test
    void dropsOutOfBoundsHints() {
        PlaybackHints hints = PlaybackHints.parse("x".repeat(300), 99999, "<script>", "maybe");
        assertThat(hints).isEqualTo(PlaybackHints.DEFAULT);
    }

    @Test
    void theVideoOnlyStarterIsNeverPlayedWithSoundAndOnlyOfferedToClientsThatDecodeIt() {
        Rendition starter = new Rendition("s1", "starter", "avc1.4d401e", 360, 640, 500_000, 800, "k-starter", null,
                null, null);
        List<Rendition> ladder = List.of(starter, AVC_360, AVC_540);
        PlaybackHints saveData = PlaybackHints.parse(null, null, null, "on");
        RenditionChoice choice = RenditionChoice.of(ladder, saveData);
        assertThat(choice.mp4()).contains(AVC_360);
        assertThat(choice.alternates()).containsExactly(AVC_540);
        assertThat(RenditionChoice.starter(ladder, saveData)).contains(starter);
        assertThat(RenditionChoice.starter(List.of(AVC_360), saveData)).isEmpty();
        Rendition hevcStarter = new Rendition("s2", "starter", "hvc1.1.6.L93.B0", 360, 640, 1, 1, "k", null, null,
                null);
        assertThat(RenditionChoice.starter(List.of(hevcStarter), PlaybackHints.parse("avc1", null, null, null)))
                .isEmpty();
    }
}
