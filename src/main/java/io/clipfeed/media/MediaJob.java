package io.clipfeed.media;

import java.io.Serializable;

/**
 * The units of FFmpeg work, one durable job each, keyed by {@code (videoId, step)} so scheduling twice or running
 * again after a crash never duplicates work or renditions.
 */
public sealed interface MediaJob extends Serializable permits MediaJob.Prepare, MediaJob.Ladder, MediaJob.Covers {

    String videoId();

    String sourceBlobKey();

    /** The step name, also the db-scheduler task name. */
    String step();

    /** Probe, validate, and make the video playable at once (remux or one fast rung). */
    record Prepare(String videoId, String sourceBlobKey) implements MediaJob {
        public String step() {
            return "media-prepare";
        }
    }

    /** Every rung as faststart MP4 and HLS, decoded once. */
    record Ladder(String videoId, String sourceBlobKey) implements MediaJob {
        public String step() {
            return "media-ladder";
        }
    }

    /** Cover images picked from several candidate frames. */
    record Covers(String videoId, String sourceBlobKey) implements MediaJob {
        public String step() {
            return "media-covers";
        }
    }
}
