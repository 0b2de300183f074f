package io.clipfeed.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.clipfeed.catalog.Rendition;
import io.clipfeed.media.ffmpeg.OutputFacts;
import io.clipfeed.media.ffmpeg.Remuxer;
import io.clipfeed.platform.Ids;

/**
 * Turns encoded rung MP4s into stored renditions: each MP4 as it is (already faststart), and all of them together
 * as one HLS package of CMAF segments with a master playlist.
 */
final class Packager {

    /** The master playlist's rendition plus every blob of the package (for {@code recordAssets}). */
    record HlsPackage(Rendition master, List<String> assetKeys) {
    }

    private final Remuxer remuxer = new Remuxer();

    Rendition mp4(Path mp4, AssetSink sink) throws IOException {
        OutputFacts facts = OutputFacts.of(mp4);
        String key = sink.store(mp4, "video/mp4");
        return new Rendition(Ids.newId(), "mp4", facts.codecs(), facts.width(), facts.height(), facts.bitrate(),
                facts.sizeBytes(), key, null, null, PreloadRange.end(mp4, facts.durationMs()));
    }

    HlsPackage hls(List<Path> mp4s, Path dir, TranscodePlan plan, AssetSink sink) throws IOException {
        List<String> keys = new ArrayList<>();
        List<HlsPlaylists.Variant> variants = new ArrayList<>();
        long totalBytes = 0;
        OutputFacts top = null;
        for (Path mp4 : mp4s) {
            Path rungDir = Files.createDirectories(dir.resolve(mp4.getFileName().toString().replace(".mp4", "")));
            OutputFacts facts = OutputFacts.of(mp4);
            Path playlist = remuxer.hls(mp4, rungDir, plan.segmentSeconds());
            Variant variant = storeRung(playlist, facts, plan.fps(), sink, keys);
            variants.add(variant.variant());
            totalBytes += variant.bytes();
            top = facts;
        }
        Path master = dir.resolve("master.m3u8");
        Files.writeString(master, HlsPlaylists.master(variants), StandardCharsets.UTF_8);
        String masterKey = sink.store(master, "application/vnd.apple.mpegurl");
        keys.add(masterKey);
        Rendition rendition = new Rendition(Ids.newId(), "hls", top.codecs(), top.width(), top.height(),
                top.bitrate(), totalBytes, masterKey, null, null, null);
        return new HlsPackage(rendition, keys);
    }

    private record Variant(HlsPlaylists.Variant variant, long bytes) {
    }

    private static Variant storeRung(Path playlist, OutputFacts facts, int fps, AssetSink sink, List<String> keys)
            throws IOException {
        String text = Files.readString(playlist, StandardCharsets.UTF_8);
        Path dir = playlist.getParent();
        Map<String, String> names = new HashMap<>();
        String init = HlsPlaylists.initUri(text);
        names.put(init, store(dir.resolve(init), "video/mp4", ".mp4", sink, keys));
        long bytes = Files.size(dir.resolve(init));
        long peak = 0;
        double seconds = 0;
        for (HlsPlaylists.Segment segment : HlsPlaylists.segments(text)) {
            Path file = dir.resolve(segment.uri());
            long size = Files.size(file);
            names.put(segment.uri(), store(file, "video/iso.segment", ".m4s", sink, keys));
            bytes += size;
            seconds += segment.seconds();
            peak = Math.max(peak, (long) (size * 8 / Math.max(segment.seconds(), 0.5)));
        }
        Path rewritten = dir.resolve("stored.m3u8");
        Files.writeString(rewritten, HlsPlaylists.rewrite(text, names), StandardCharsets.UTF_8);
        String playlistName = store(rewritten, "application/vnd.apple.mpegurl", ".m3u8", sink, keys);
        long average = (long) (bytes * 8 / Math.max(seconds, 0.001));
        return new Variant(new HlsPlaylists.Variant(playlistName, facts.codecs(), facts.width(), facts.height(),
                fps, Math.max(peak, average), average), bytes);
    }

    private static String store(Path file, String contentType, String extension, AssetSink sink, List<String> keys)
            throws IOException {
        String key = sink.store(file, contentType);
        keys.add(key);
        return key + extension;
    }
}
