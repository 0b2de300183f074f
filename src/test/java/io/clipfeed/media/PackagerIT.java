package io.clipfeed.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.clipfeed.catalog.Rendition;
import io.clipfeed.media.ffmpeg.LadderTranscoder;

/** A three-rung ladder packaged as faststart MP4s and one HLS package, read back with FFmpeg. */
@io.clipfeed.DatabaseFree
class PackagerIT {

    @TempDir
    Path dir;

    @Test
    void ladderIsPackagedAsFaststartMp4sAndAContentAddressedHlsPackage() throws Exception {
        Path source = ClipMaker.clip().size(1280, 720).fps(30).seconds(5).write(dir.resolve("source.mp4"));
        TranscodePlan plan = new TranscodePlanner(MediaSettings.withHevc()).plan(MediaInspector.probe(source));
        Path work = Files.createDirectories(dir.resolve("work"));
        List<LadderTranscoder.EncodedRung> rungs = new LadderTranscoder().transcode(source, plan, plan.rungs(),
                work, () -> false, p -> { });
        StoreDirectory store = new StoreDirectory(Files.createDirectories(dir.resolve("store")));
        Packager packager = new Packager();

        Rendition top = packager.mp4(rungs.get(2).mp4(), store);
        assertThat(top.codec()).matches("avc1\\.6400[0-9a-f]{2},mp4a\\.40\\.2");
        assertThat(top.width()).isEqualTo(1280);
        assertThat(top.height()).isEqualTo(720);
        Path stored = store.file(top.blobKey(), ".mp4");
        assertThat(MediaInspector.boxTypes(stored)).containsSubsequence("ftyp", "moov", "mdat");
        MediaInspector.Box mdat = MediaInspector.topLevelBoxes(stored).stream()
                .filter(b -> b.type().equals("mdat")).findFirst().orElseThrow();
        assertThat(top.preloadEnd()).isGreaterThan(mdat.offset()).isLessThan(Files.size(stored));

        Packager.HlsPackage hls = packager.hls(rungs.stream().map(LadderTranscoder.EncodedRung::mp4).toList(),
                work, plan, store);
        String master = Files.readString(store.file(hls.master().blobKey(), ".m3u8"));
        assertThat(master).contains("#EXT-X-INDEPENDENT-SEGMENTS").contains("RESOLUTION=640x360")
                .contains("RESOLUTION=960x540").contains("RESOLUTION=1280x720").contains("FRAME-RATE=30.000")
                .contains("AVERAGE-BANDWIDTH=").containsPattern("CODECS=\"avc1\\.6400[0-9a-f]{2},mp4a\\.40\\.2\"");
        List<String> uris = master.lines().filter(l -> !l.startsWith("#")).toList();
        assertThat(uris).hasSize(3).allMatch(u -> u.matches("[0-9a-f]{64}\\.m3u8"));
        String media = Files.readString(store.dir().resolve(uris.get(0)));
        assertThat(media).contains("#EXT-X-PLAYLIST-TYPE:VOD").contains("#EXT-X-ENDLIST")
                .containsPattern("#EXT-X-MAP:URI=\"[0-9a-f]{64}\\.mp4\"");
        List<HlsPlaylists.Segment> segments = HlsPlaylists.segments(media);
        assertThat(segments).hasSize(3).allMatch(s -> s.uri().matches("[0-9a-f]{64}\\.m4s"));
        assertThat(segments.get(0).seconds()).isCloseTo(2.0, within(0.01));
        assertThat(hls.assetKeys()).contains(hls.master().blobKey(), hls.hevcMaster().blobKey())
                .hasSize(2 + 4 * (1 + 1 + 3));
        assertThat(master).doesNotContain("hvc1");

        // the second master adds the HEVC top rung with an hvc1 CODECS string; only hvc1 clients are given it
        String hevcMaster = Files.readString(store.file(hls.hevcMaster().blobKey(), ".m3u8"));
        assertThat(hevcMaster.lines().filter(l -> l.startsWith("#EXT-X-STREAM-INF"))).hasSize(4);
        assertThat(hevcMaster).containsPattern(
                "CODECS=\"hvc1\\.1\\.6\\.L\\d+(\\.[0-9A-F]{2})+,mp4a\\.40\\.2\",RESOLUTION=1280x720");
        assertThat(hls.hevcMaster().codec()).startsWith("avc1.").contains(",hvc1.1.6.L").endsWith(",mp4a.40.2");

        // a player can follow the relative URIs from the master playlist to decodable media
        MediaInspector.Packets packets = MediaInspector.packets(store.file(hls.master().blobKey(), ".m3u8"));
        assertThat(packets.videoPackets()).isGreaterThanOrEqualTo(140);
    }
}
