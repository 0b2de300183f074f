package io.clipfeed.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.clipfeed.catalog.Rendition;
import io.clipfeed.media.ffmpeg.OutputFacts;

/** The starter: the 360p H.264 rung's video track alone, copied packet for packet into a faststart MP4. */
@io.clipfeed.DatabaseFree
class StarterCutIT {

    @TempDir
    Path dir;

    @Test
    void copiesTheVideoTrackOfTheSmallestPhoneSizedH264RungWithoutItsAudio() throws Exception {
        Path small = ClipMaker.clip().size(426, 240).fps(30).seconds(3).write(dir.resolve("240.mp4"));
        Path phone = ClipMaker.clip().size(640, 360).fps(30).seconds(3).write(dir.resolve("360.mp4"));
        Path large = ClipMaker.clip().size(1280, 720).fps(30).seconds(3).write(dir.resolve("720.mp4"));
        StoreDirectory store = new StoreDirectory(Files.createDirectories(dir.resolve("store")));
        Packager packager = new Packager();
        List<StarterCut.Rung> rungs = List.of(new StarterCut.Rung(packager.mp4(small, store), small),
                new StarterCut.Rung(packager.mp4(phone, store), phone),
                new StarterCut.Rung(packager.mp4(large, store), large));
        assertThat(OutputFacts.of(phone).audioCodec()).as("the rung has sound").isNotNull();

        Optional<Rendition> cut = new StarterCut().cut(rungs, Files.createDirectories(dir.resolve("work")), store);

        Rendition starter = cut.orElseThrow();
        assertThat(starter.kind()).isEqualTo("starter");
        assertThat(starter.width()).isEqualTo(640);
        assertThat(starter.height()).isEqualTo(360);
        assertThat(starter.codec()).matches("avc1\\.[0-9a-f]{6}");
        Path file = store.file(starter.blobKey(), ".mp4");
        assertThat(Files.size(file)).isEqualTo(starter.sizeBytes()).isLessThan(Files.size(phone));
        assertThat(MediaInspector.probe(file).audio()).as("no audio track").isNull();
        assertThat(MediaInspector.boxTypes(file)).containsSubsequence("ftyp", "moov", "mdat");
        MediaInspector.Packets original = MediaInspector.packets(phone);
        MediaInspector.Packets copied = MediaInspector.packets(file);
        assertThat(copied.videoPackets()).isEqualTo(original.videoPackets());
        assertThat(copied.keyframeSeconds()).isEqualTo(original.keyframeSeconds());
        assertThat(starter.preloadEnd()).isPositive().isLessThan(starter.sizeBytes());
    }

    @Test
    void noH264RungNoStarter() throws Exception {
        assertThat(new StarterCut().cut(List.of(), dir, (file, type) -> "unused")).isEmpty();
    }
}
