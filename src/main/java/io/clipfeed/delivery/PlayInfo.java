package io.clipfeed.delivery;

import java.time.Instant;
import java.util.List;

/**
 * How a client plays a video: the progressive MP4 chosen for it, the HLS master, other renditions to fall back to,
 * the cover, and the byte range of the MP4 that holds the moov box and about the first second of media (fetch it
 * ahead of time and the first frame needs no further round trip). URLs are signed and valid until
 * {@code expiresAt}; {@code mp4Url} or {@code hlsUrl} may be null when the video has no such rendition yet.
 * {@code format} is delivery's advice on what to start with: {@code hls} (adaptive, for long clips and poor
 * networks) or {@code mp4} (progressive, the fastest start for short clips); a client may know better (its own
 * network measurement) and both URLs stay valid either way. {@code starter} (null when the video has none) is a
 * video-only copy of a small H.264 rung for a muted start: it shows its first frame sooner, and a player moves to
 * a rendition with sound when the viewer unmutes.
 */
public record PlayInfo(String mp4Url, String hlsUrl, RenditionInfo rendition, List<Alternate> alternates,
        String coverUrl, Preload preload, Instant expiresAt, String format, Starter starter) {

    public record RenditionInfo(String codec, int width, int height, long bitrate) {
    }

    /** Another progressive rendition the client may switch to (on errors, or a different network). */
    public record Alternate(String url, String codec, int width, int height, long bitrate) {
    }

    /** A video-only MP4 (no audio track) for a muted start. */
    public record Starter(String url, String codec, int width, int height) {
    }

    /** Bytes {@code rangeStart}–{@code rangeEnd} (inclusive) of {@code url}: one {@code Range} request. */
    public record Preload(String url, long rangeStart, long rangeEnd) {
    }
}
