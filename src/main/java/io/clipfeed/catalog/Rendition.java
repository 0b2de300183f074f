package io.clipfeed.catalog;

/**
 * One playable encoding of a video. {@code kind} names a {@link RenditionKind} (progressive MP4, HLS playlist or
 * starter); {@code blobKey} names the stored bytes (the MP4 file or the playlist). Quality
 * figures (SSIM, PSNR) are null until measured; {@code preloadEnd} is the last byte of the MP4 that covers the moov
 * box and about the first second of media (null when unknown).
 */
public record Rendition(String id, String kind, String codec, int width, int height, long bitrate, long sizeBytes,
        String blobKey, Double ssim, Double psnr, Long preloadEnd) {

    /** Whether this rendition is of the given kind ({@code kind} is its {@link RenditionKind#wireName()}). */
    public boolean is(RenditionKind k) {
        return k.wireName().equals(kind);
    }
}
