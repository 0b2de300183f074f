package io.clipfeed.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class HlsPlaylistsTest {

    private static final String MEDIA = """
            #EXTM3U
            #EXT-X-VERSION:7
            #EXT-X-TARGETDURATION:2
            #EXT-X-MEDIA-SEQUENCE:0
            #EXT-X-PLAYLIST-TYPE:VOD
            #EXT-X-INDEPENDENT-SEGMENTS
            #EXT-X-MAP:URI="init.mp4"
            #EXTINF:2.000000,
            seg00000.m4s
            #EXTINF:1.500000,
            seg00001.m4s
            #EXT-X-ENDLIST
            """;

    @Test
    void readsSegmentsWithTheirDurations() {
        assertThat(HlsPlaylists.segments(MEDIA)).containsExactly(new HlsPlaylists.Segment("seg00000.m4s", 2.0),
                new HlsPlaylists.Segment("seg00001.m4s", 1.5));
        assertThat(HlsPlaylists.initUri(MEDIA)).isEqualTo("init.mp4");
    }

    @Test
    void rewritesEveryUriToItsStoredName() {
        String rewritten = HlsPlaylists.rewrite(MEDIA, Map.of("init.mp4", "aa.mp4", "seg00000.m4s", "bb.m4s",
                "seg00001.m4s", "cc.m4s"));
        assertThat(rewritten).contains("#EXT-X-MAP:URI=\"aa.mp4\"").contains("\nbb.m4s\n").contains("\ncc.m4s\n")
                .doesNotContain("seg0000").contains("#EXT-X-ENDLIST");
    }

    @Test
    void refusesToLeaveAFileUnmapped() {
        assertThatThrownBy(() -> HlsPlaylists.rewrite(MEDIA, Map.of("init.mp4", "aa.mp4")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void masterAnnouncesEveryVariantWithTheAttributesPlayersNeed() {
        String master = HlsPlaylists.master(List.of(
                new HlsPlaylists.Variant("11.m3u8", "avc1.64001e,mp4a.40.2", 360, 640, 30, 900_000, 700_000),
                new HlsPlaylists.Variant("22.m3u8", "avc1.64001f,mp4a.40.2", 720, 1280, 30, 2_900_000, 2_000_000)));
        assertThat(master).startsWith("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n")
                .contains("#EXT-X-STREAM-INF:BANDWIDTH=900000,AVERAGE-BANDWIDTH=700000,"
                        + "CODECS=\"avc1.64001e,mp4a.40.2\",RESOLUTION=360x640,FRAME-RATE=30.000\n11.m3u8\n")
                .contains("RESOLUTION=720x1280").contains("\n22.m3u8\n");
    }
}
