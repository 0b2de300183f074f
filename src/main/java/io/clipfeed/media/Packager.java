package io.clipfeed.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.clipfeed.catalog.Rendition;
import io.clipfeed.catalog.RenditionKind;
import io.clipfeed.media.ffmpeg.OutputFacts;
import io.clipfeed.media.ffmpeg.Remuxer;
import io.clipfeed.platform.Ids;

/**
 * Turns encoded rung MP4s into stored renditions: each MP4 as it is (already faststart), and all of them together
 * as one HLS package of CMAF segments with a master playlist.
 */
final class Packager {

    /**
     * The H.264 master (plays everywhere, hls.js included), the master that also lists the HEVC variants (null
     * without HEVC rungs; delivery hands it only to clients that listed hvc1), and every blob of the package.
     */
    record HlsPackage(Rendition master, Rendition hevcMaster, List<String> assetKeys) {
    }

    private final Remuxer remuxer = new Remuxer();

    Rendition mp4(Path mp4, AssetSink sink) throws IOException {
        OutputFacts facts = OutputFacts.of(mp4);
        String key = sink.store(mp4, "video/mp4");
        return new Rendition(Ids.newId(), RenditionKind.MP4.wireName(), facts.codecs(), facts.width(), facts.height(), facts.bitrate(),
                facts.sizeBytes(), key, null, null, PreloadRange.end(mp4, facts.durationMs()));
    }

    /** {@code mp4s} small to large; HEVC rungs may follow the H.264 ones. */
    HlsPackage hls(List<Path> mp4s, Path dir, TranscodePlan plan, AssetSink sink) throws IOException {
        List<String> keys = new ArrayList<>();
        List<Stored> avc = new ArrayList<>();
        List<Stored> hevc = new ArrayList<>();
        for (Path mp4 : mp4s) {
            Path rungDir = Files.createDirectories(dir.resolve(mp4.getFileName().toString().replace(".mp4", "")));
            OutputFacts facts = OutputFacts.of(mp4);
            Path playlist = remuxer.hls(mp4, rungDir, plan.segmentSeconds());
            Variant variant = storeRung(playlist, facts, plan.fps(), sink, keys);
            (facts.videoCodec().startsWith("hvc1") ? hevc : avc).add(new Stored(variant, facts));
        }
        Rendition master = master(avc, dir.resolve("master.m3u8"), sink, keys);
        List<Stored> all = new ArrayList<>(avc);
        all.addAll(hevc);
        Rendition hevcMaster = hevc.isEmpty() ? null : master(all, dir.resolve("master-hevc.m3u8"), sink, keys);
        return new HlsPackage(master, hevcMaster, keys);
    }

    private record Stored(Variant variant, OutputFacts facts) {
    }

    /**
     * A master playlist of {@code variants}; its rendition names the top variant's codec of each family (a
     * player's first question) and counts the bytes of all of them.
     */
    private static Rendition master(List<Stored> variants, Path file, AssetSink sink, List<String> keys)
            throws IOException {
        Files.writeString(file, HlsPlaylists.master(variants.stream().map(v -> v.variant().variant()).toList()),
                StandardCharsets.UTF_8);
        String key = sink.store(file, "application/vnd.apple.mpegurl");
        keys.add(key);
        Map<String, String> topCodecs = new LinkedHashMap<>();
        OutputFacts top = variants.get(0).facts();
        for (Stored v : variants) {
            topCodecs.put(v.facts().videoCodec().substring(0, 4), v.facts().videoCodec());
            top = v.facts().height() * v.facts().width() >= top.height() * top.width() ? v.facts() : top;
        }
        String codecs = String.join(",", topCodecs.values())
                + (top.audioCodec() == null ? "" : "," + top.audioCodec());
        long bytes = variants.stream().mapToLong(v -> v.variant().bytes()).sum();
        return new Rendition(Ids.newId(), RenditionKind.HLS.wireName(), codecs, top.width(), top.height(), top.bitrate(), bytes, key,
                null, null, null);
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
