package io.clipfeed.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.clipfeed.catalog.Rendition;
import io.clipfeed.catalog.RenditionKind;
import io.clipfeed.catalog.StartingRung;
import io.clipfeed.media.ffmpeg.OutputFacts;
import io.clipfeed.media.ffmpeg.Remuxer;
import io.clipfeed.platform.Ids;

/**
 * The "starter": a video-only copy (no re-encode) of the rung a fresh page starts muted — the smallest H.264 MP4
 * whose short side is at least {@value #MIN_SHORT_SIDE} px, else the largest H.264 one. A muted start needs no
 * sound, and a file without an audio track shows its first frame sooner in a browser (no audio decoder, renderer
 * and output to start before the clock runs; measured in bench/player/lab). The player switches to the full rung
 * once the viewer wants sound. Stored as rendition kind {@link RenditionKind#STARTER}, which only delivery's starter
 * link reads.
 */
final class StarterCut {

    static final int MIN_SHORT_SIDE = StartingRung.MIN_SHORT_SIDE;

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
        return Optional.of(new Rendition(Ids.newId(), RenditionKind.STARTER.wireName(), facts.codecs(),
                facts.width(), facts.height(), facts.bitrate(), facts.sizeBytes(), key, null, null, PreloadRange.end(target, facts.durationMs())));
    }

    /** A stored MP4 rendition and its local file. */
    record Rung(Rendition rendition, Path mp4) {
    }

    static Optional<Rung> pick(List<Rung> rungs) {
        return StartingRung.pick(rungs, r -> r.rendition().codec(), r -> r.rendition().width(),
                r -> r.rendition().height());
    }
}
