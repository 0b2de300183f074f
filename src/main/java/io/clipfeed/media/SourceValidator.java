package io.clipfeed.media;

import java.util.Set;

/**
 * Decides from a probe whether a source is worth processing. Pure: every rule reads only the probe and the
 * limits, so each rejection sentence is unit-tested without FFmpeg.
 */
final class SourceValidator {

    /** Demuxers that read single pictures: a PNG or JPEG renamed to .mp4 opens fine but is no video. */
    private static final Set<String> STILL_IMAGE_CONTAINERS = Set.of("image2", "png_pipe", "jpeg_pipe",
            "webp_pipe", "gif", "bmp_pipe", "tiff_pipe", "svg_pipe");

    private final MediaSettings settings;

    SourceValidator(MediaSettings settings) {
        this.settings = settings;
    }

    Verdict check(Probe probe) {
        String reason = headerProblem(probe);
        if (reason == null) {
            reason = contentProblem(probe);
        }
        return reason == null ? new Verdict.Accepted(probe) : new Verdict.Rejected(reason);
    }

    /** Rules that need only the container headers; they run before any frame is decoded. */
    String headerProblem(Probe probe) {
        if (STILL_IMAGE_CONTAINERS.contains(probe.container())) {
            return "This file is a still image, not a video.";
        }
        if (!probe.hasVideo()) {
            return "This file has no video track; only videos can be posted.";
        }
        Probe.VideoTrack video = probe.video();
        int longest = Math.max(video.width(), video.height());
        if (longest > settings.maxSide()) {
            return "The video is " + video.width() + "×" + video.height() + " pixels; videos may be at most "
                    + settings.maxSide() + " pixels on a side.";
        }
        if ((long) video.width() * video.height() > settings.maxFramePixels()) {
            return "The video's picture is too large (" + video.width() + "×" + video.height() + " pixels).";
        }
        if (probe.durationMs() > settings.maxDuration().toMillis()) {
            return "The video is longer than " + humanDuration() + ", the longest we accept.";
        }
        return null;
    }

    private String contentProblem(Probe probe) {
        Probe.VideoTrack video = probe.video();
        if (!video.decoderAvailable() || video.width() <= 0 || video.height() <= 0) {
            return "The video track uses a format we cannot decode.";
        }
        if (probe.sampledFrames() == 0) {
            return "The video is damaged beyond repair: none of its pictures could be decoded.";
        }
        if (probe.durationMs() < 1000) {
            return "The video is shorter than 1 second.";
        }
        return null;
    }

    private String humanDuration() {
        long seconds = settings.maxDuration().toSeconds();
        return seconds % 60 == 0 ? (seconds / 60) + " minutes" : seconds + " seconds";
    }
}
