package io.clipfeed.delivery;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import javax.imageio.ImageIO;

import io.clipfeed.catalog.Catalog;
import io.clipfeed.catalog.NewVideo;
import io.clipfeed.catalog.Rendition;
import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoStatus;
import io.clipfeed.catalog.Visibility;
import io.clipfeed.platform.Ids;
import io.clipfeed.storage.Blob;
import io.clipfeed.storage.BlobStore;

/**
 * Stores a real clip ({@code shared/media/cup.mp4}) as a video's MP4 rendition, with an HLS master, media
 * playlist, init section and segment (slices of {@code box.mp4}) and a JPEG cover that is unique to the video, the
 * way the media pipeline lays them out: every file its own blob, playlists naming the others relatively.
 */
final class Clips {

    static final Path CUP = Path.of("../shared/media/cup.mp4").toAbsolutePath().normalize();
    static final Path BOX = Path.of("../shared/media/box.mp4").toAbsolutePath().normalize();
    static final long PRELOAD_END = 40_000;

    record Clip(Video video, Blob mp4, Blob master, Blob media, Blob init, Blob segment, Blob cover,
            byte[] mp4Bytes) {
        String id() {
            return video.id();
        }
    }

    private Clips() {
    }

    static Path mediaFile(Path file) {
        return io.clipfeed.SampleClips.path(file.getFileName().toString());
    }

    static Clip publish(Catalog catalog, BlobStore store, String creatorId, Visibility visibility,
            List<Rendition> extraRenditions) throws IOException {
        return publish(catalog, store, creatorId, visibility, extraRenditions, false);
    }

    /**
     * {@code unique}: every file gets a random trailer, so its blob is new to the store (a test of a second store
     * sharing the database must not find the bytes recorded as already stored elsewhere).
     */
    static Clip publish(Catalog catalog, BlobStore store, String creatorId, Visibility visibility,
            List<Rendition> extraRenditions, boolean unique) throws IOException {
        return make(catalog, store, new NewVideo(creatorId, "cup", "a cup", visibility, "cup.mp4"),
                extraRenditions, unique, VideoStatus.PUBLISHED);
    }

    /**
     * A clip taken through the lifecycle as far as {@code until}: UPLOADED (source only), PROCESSING (files
     * recorded, not yet playable), PLAYABLE (in pre-moderation: waiting for review) or PUBLISHED.
     */
    static Clip make(Catalog catalog, BlobStore store, NewVideo newVideo, List<Rendition> extraRenditions,
            boolean unique, VideoStatus until) throws IOException {
        Video video = catalog.create(newVideo);
        byte[] cup = Files.readAllBytes(mediaFile(CUP));
        byte[] mp4Bytes = unique ? withTrailer(cup) : cup;
        Blob mp4 = stored(store, write(mp4Bytes), "video/mp4");
        byte[] box = Files.readAllBytes(mediaFile(BOX));
        byte[] initBytes = java.util.Arrays.copyOfRange(box, 0, 4096);
        byte[] segmentBytes = java.util.Arrays.copyOfRange(box, 4096, 4096 + 300_000);
        Blob init = stored(store, write(unique ? withTrailer(initBytes) : initBytes), "video/mp4");
        Blob segment = stored(store, write(unique ? withTrailer(segmentBytes) : segmentBytes),
                "video/iso.segment");
        Blob media = stored(store, text(mediaPlaylist(init, segment)), "application/vnd.apple.mpegurl");
        Blob master = stored(store, text("#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=900000,RESOLUTION=640x480,"
                + "CODECS=\"avc1.64001e,mp4a.40.2\"\n" + media.key() + ".m3u8\n"), "application/vnd.apple.mpegurl");
        Blob cover = stored(store, cover(), "image/jpeg");
        Video uploaded = catalog.markUploaded(video.id(), mp4.key().sha256(), mp4.size());
        if (until == VideoStatus.UPLOADED) {
            return new Clip(uploaded, mp4, master, media, init, segment, cover, mp4Bytes);
        }
        catalog.recordRendition(video.id(), new Rendition(Ids.newId(), "mp4", "avc1.64001e", 640, 480, 1_500_000,
                mp4.size(), mp4.key().sha256(), null, null, PRELOAD_END));
        catalog.recordRendition(video.id(), new Rendition(Ids.newId(), "hls", "avc1.64001e", 640, 480, 900_000,
                master.size(), master.key().sha256(), null, null, null));
        extraRenditions.forEach(r -> catalog.recordRendition(video.id(), r));
        catalog.recordAssets(video.id(), List.of(init.key().sha256(), segment.key().sha256(),
                media.key().sha256()));
        catalog.recordCover(video.id(), cover.key().sha256());
        Video reached = catalog.transition(video.id(), VideoStatus.PROCESSING, null);
        if (until != VideoStatus.PROCESSING) {
            reached = catalog.transition(video.id(), VideoStatus.PLAYABLE, null);
        }
        if (until == VideoStatus.PUBLISHED) {
            // a no-op in post-moderation, which published it on reaching PLAYABLE
            reached = catalog.transition(video.id(), VideoStatus.PUBLISHED, null);
        }
        return new Clip(reached, mp4, master, media, init, segment, cover, mp4Bytes);
    }

    /** Stores a temporary file and removes it, as a real producer would. */
    private static Blob stored(BlobStore store, Path temporary, String type) throws IOException {
        try {
            return store.put(temporary, type);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Long enough (many segment lines) that gzip visibly pays off; the comment makes each playlist unique. */
    private static String mediaPlaylist(Blob init, Blob segment) {
        StringBuilder m3u8 = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:2\n"
                + "#EXT-X-PLAYLIST-TYPE:VOD\n## " + Ids.newId() + "\n#EXT-X-MAP:URI=\"" + init.key() + ".mp4\"\n");
        for (int i = 0; i < 40; i++) {
            m3u8.append("#EXTINF:2.000000,\n").append(segment.key()).append(".m4s\n");
        }
        return m3u8.append("#EXT-X-ENDLIST\n").toString();
    }

    private static byte[] withTrailer(byte[] bytes) {
        byte[] out = java.util.Arrays.copyOf(bytes, bytes.length + 32);
        byte[] trailer = new byte[32];
        ThreadLocalRandom.current().nextBytes(trailer);
        System.arraycopy(trailer, 0, out, bytes.length, 32);
        return out;
    }

    private static Path write(byte[] bytes) throws IOException {
        Path out = Files.createTempFile("clip-file", ".bin");
        Files.write(out, bytes);
        return out;
    }

    private static Path text(String content) throws IOException {
        Path out = Files.createTempFile("clip-text", ".m3u8");
        Files.writeString(out, content, StandardCharsets.UTF_8);
        return out;
    }

    private static Path cover() throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int x = 0; x < 64; x++) {
            for (int y = 0; y < 48; y++) {
                image.setRGB(x, y, new Color(random.nextInt(256), x * 4, y * 5).getRGB());
            }
        }
        Path out = Files.createTempFile("clip-cover", ".jpg");
        ImageIO.write(image, "jpg", out.toFile());
        return out;
    }

    static List<Rendition> none() {
        return new ArrayList<>();
    }
}
