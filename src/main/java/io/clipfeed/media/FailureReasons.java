package io.clipfeed.media;

import io.clipfeed.media.ffmpeg.FfmpegException;

/** Creator-readable sentences for failures that are not the creator's file breaking a stated rule. */
final class FailureReasons {

    static final String TOO_SLOW = "Processing this video took too long, so we stopped; a shorter or smaller "
            + "file may work.";
    static final String TEMPORARY = "A temporary problem kept us from processing this video; please upload it "
            + "again.";

    private FailureReasons() {
    }

    static String of(FfmpegException e) {
        return switch (e.step()) {
            case "decode" -> "The video is damaged beyond repair: too many of its pictures cannot be decoded.";
            case "open source", "read stream info", "remux open", "remux stream info" -> SourceInspector.NOT_A_VIDEO;
            default -> "We could not convert this video (" + e.step() + " failed).";
        };
    }
}
