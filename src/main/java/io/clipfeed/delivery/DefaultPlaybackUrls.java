package io.clipfeed.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.clipfeed.catalog.PlaybackLinks;
import io.clipfeed.catalog.Rendition;
import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoAccess;
import io.clipfeed.platform.CurrentUser;
import io.clipfeed.platform.CurrentUsers;
import io.clipfeed.storage.BlobKey;

/**
 * Builds play info and cover links. Expiry times are rounded up to {@link #EXPIRY_STEP_SECONDS}, so repeated calls
 * within that window hand out the very same URLs and a client's (or CDN's) cache keeps working across feed pages.
 */
@Component
class DefaultPlaybackUrls implements PlaybackUrls, PlaybackLinks {

    static final long EXPIRY_STEP_SECONDS = 600;
    /** Without a measured preload range: a guess at the moov box plus one second of media. */
    static final long PRELOAD_GUESS_HEADER_BYTES = 64 * 1024;

    private final MediaSigner signer;
    private final ServedBlobs blobs;
    private final DeliverySettings settings;
    private final Clock clock;

    DefaultPlaybackUrls(MediaSigner signer, ServedBlobs blobs, DeliverySettings settings, Clock clock) {
        this.signer = signer;
        this.blobs = blobs;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Optional<PlayInfo> playInfo(Video video, Optional<CurrentUser> viewer, PlaybackHints hints) {
        if (!Viewing.hasMedia(video) || !VideoAccess.canView(video, viewer)) {
            return Optional.empty();
        }
        RenditionChoice choice = RenditionChoice.of(video.renditions(), hints);
        if (choice.mp4().isEmpty() && choice.hls().isEmpty()) {
            return Optional.empty();
        }
        long expires = expiry();
        String prefix = prefix(video, viewer, expires);
        String mp4Url = choice.mp4().map(r -> prefix + r.blobKey() + ".mp4").orElse(null);
        return Optional.of(new PlayInfo(mp4Url,
                choice.hls().map(r -> prefix + r.blobKey() + ".m3u8").orElse(null),
                choice.mp4().or(choice::hls).map(DefaultPlaybackUrls::info).orElse(null),
                choice.alternates().stream().map(r -> new PlayInfo.Alternate(prefix + r.blobKey() + ".mp4",
                        r.codec(), r.width(), r.height(), r.bitrate())).toList(),
                cover(video, prefix).orElse(null),
                choice.mp4().map(r -> new PlayInfo.Preload(mp4Url, 0, preloadEnd(r))).orElse(null),
                Instant.ofEpochSecond(expires), PlaybackFormat.advise(video, hints, settings.hlsAbove(),
                        choice.mp4().isPresent(), choice.hls().isPresent()),
                RenditionChoice.starter(video.renditions(), hints).map(r -> new PlayInfo.Starter(
                        prefix + r.blobKey() + ".mp4", r.codec(), r.width(), r.height())).orElse(null)));
    }

    /** Cover links in catalog's video responses, signed for the caller of the current request. */
    @Override
    public Optional<String> coverUrl(Video video) {
        Optional<CurrentUser> viewer = CurrentUsers.current();
        if (video.coverBlobKey() == null || !VideoAccess.canView(video, viewer)) {
            return Optional.empty();
        }
        return cover(video, prefix(video, viewer, expiry()));
    }

    private Optional<String> cover(Video video, String prefix) {
        if (!BlobKey.isValid(video.coverBlobKey())) {
            return Optional.empty();
        }
        String type = blobs.find(video.coverBlobKey()).map(b -> b.contentType()).orElse(null);
        return Optional.of(prefix + video.coverBlobKey() + '.' + MediaTypes.extensionFor(type, "jpg"));
    }

    private String prefix(Video video, Optional<CurrentUser> viewer, long expires) {
        String boundViewer = Viewing.boundViewer(video, viewer);
        String signature = signer.sign(video.id(), expires, boundViewer);
        // the edge cannot tell who is asking, so links bound to a viewer stay on the main server
        String base = boundViewer.isEmpty() ? settings.edge().publicBase(settings.baseUrl()) : settings.baseUrl();
        return MediaPath.prefix(base, video.id(), expires, signature);
    }

    private long expiry() {
        long earliest = clock.instant().plus(settings.urlTtl()).getEpochSecond();
        return (earliest / EXPIRY_STEP_SECONDS + 1) * EXPIRY_STEP_SECONDS;
    }

    private static PlayInfo.RenditionInfo info(Rendition r) {
        return new PlayInfo.RenditionInfo(r.codec(), r.width(), r.height(), r.bitrate());
    }

    /** The stored moov-plus-first-second range, or a guess from the bitrate; never past the end of the file. */
    static long preloadEnd(Rendition r) {
        long guess = PRELOAD_GUESS_HEADER_BYTES + Math.max(0, r.bitrate()) / 8;
        long end = r.preloadEnd() != null && r.preloadEnd() > 0 ? r.preloadEnd() : guess - 1;
        return r.sizeBytes() > 0 ? Math.min(end, r.sizeBytes() - 1) : end;
    }
}
