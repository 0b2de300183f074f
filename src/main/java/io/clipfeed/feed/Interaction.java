package io.clipfeed.feed;

import java.time.Instant;

/**
 * One signal from one viewer ({@code u:<userId>} or {@code s:<session>}, or {@link #NOBODY} for an anonymous share
 * that tells no viewer apart) on one video.
 */
record Interaction(String viewerKey, String videoId, Signal signal, Instant at) {

    static final String NOBODY = "-";

    boolean hasViewer() {
        return !NOBODY.equals(viewerKey);
    }
}
