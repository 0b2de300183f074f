package io.clipfeed.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.clipfeed.catalog.Rendition;
import io.clipfeed.media.ffmpeg.OutputFacts;
import io.clipfeed.media.ffmpeg.Remuxer;
import io.clipfeed.platform.Ids;

/**
 * The "starter": a video-only copy (no re-encode) of the rung a fresh page starts muted — the smallest H.264 MP4
 * whose short side is at least {@value #MIN_SHORT_SIDE} px, else the largest H.264 one. A muted start needs no
 * sound, and a file without an audio track shows its first frame sooner in a browser (no audio decoder, renderer
 * and output to start before the clock runs; measured in bench/player/lab). The player switches to the full rung
 * once the viewer wants sound. Stored as rendition kind {@value #KIND}, which only delivery's starter link reads.
 */
final class StarterCut {

    static final String KIND = "starter";
    static final int MIN_SHORT_SIDE = 360;

    private final Remuxer remuxer = new Remuxer();

    /** The starter of {@code rungs} (stored MP4 renditions and their files), or none without an H.264 rung. */
    Optional<Rendition> cut(List<Rung> rungs, Path workDir, AssetSink sink) throws IOException {
        Optional<Rung> pick = pick(rungs);
        if (pick.isEmpty()) {
            return Optional.empty();
        }
        Path target = workDir.resolve("starter.mp4");
        remuxer.videoOnlyMp4(pick.get().mp4(), target);
        OutputFacts facts = OutputFacts.of(target);
        String key = sink.store(target, "video/mp4");
        return Optional.of(new Rendition(Ids.newId(), KIND, facts.codecs(), facts.width(), facts.height(),
                facts.bitrate(), facts.sizeBytes(), key, null, null, PreloadRange.end(target, facts.durationMs())));
    }

    /** A stored MP4 rendition and its local file. */
    record Rung(Rendition rendition, Path mp4) {
    }

    static Optional<Rung> pick(List<Rung> rungs) {
        List<Rung> h264 = rungs.stream().filter(r -> isH264(r.rendition().codec())).toList();
        Comparator<Rung> bySize = Comparator.comparingInt(StarterCut::shortSide);
        return h264.stream().filter(r -> shortSide(r) >= MIN_SHORT_SIDE).min(bySize).or(() -> h264.stream().max(bySize));
    }

    private static int shortSide(Rung r) {
        return Math.min(r.rendition().width(), r.rendition().height());
    }

    private static boolean isH264(String codec) {
        return codec == null || codec.isBlank() || codec.startsWith("avc1");
    }
}
