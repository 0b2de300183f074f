package io.clipfeed.catalog;

import static io.clipfeed.catalog.VideoStatus.DELETED;
import static io.clipfeed.catalog.VideoStatus.FAILED;
import static io.clipfeed.catalog.VideoStatus.PLAYABLE;
import static io.clipfeed.catalog.VideoStatus.PROCESSING;
import static io.clipfeed.catalog.VideoStatus.PUBLISHED;
import static io.clipfeed.catalog.VideoStatus.REJECTED;
import static io.clipfeed.catalog.VideoStatus.UPLOADED;
import static io.clipfeed.catalog.VideoStatus.UPLOADING;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The video lifecycle state machine (DESIGN.md §1): which status may follow which. Pure, so every edge is unit
 * tested. A processing failure never un-plays a video: once PLAYABLE, only moderation (REJECTED), publishing or
 * deletion move it on. FAILED may be retried (back to PROCESSING); a REJECTED video may be reinstated on appeal
 * (PUBLISHED); DELETED is final.
 */
final class Lifecycle {

    private static final Map<VideoStatus, Set<VideoStatus>> NEXT = new EnumMap<>(VideoStatus.class);

    static {
        NEXT.put(UPLOADING, EnumSet.of(UPLOADED, FAILED, DELETED));
        NEXT.put(UPLOADED, EnumSet.of(PROCESSING, FAILED, REJECTED, DELETED));
        NEXT.put(PROCESSING, EnumSet.of(PLAYABLE, FAILED, REJECTED, DELETED));
        NEXT.put(PLAYABLE, EnumSet.of(PUBLISHED, REJECTED, DELETED));
        NEXT.put(PUBLISHED, EnumSet.of(REJECTED, DELETED));
        NEXT.put(REJECTED, EnumSet.of(PUBLISHED, DELETED));
        NEXT.put(FAILED, EnumSet.of(PROCESSING, DELETED));
        NEXT.put(DELETED, EnumSet.noneOf(VideoStatus.class));
    }

    private Lifecycle() {
    }

    static boolean allows(VideoStatus from, VideoStatus to) {
        return NEXT.get(from).contains(to);
    }

    /** A reason is part of the record for the statuses a creator must be able to understand. */
    static boolean needsReason(VideoStatus to) {
        return to == FAILED || to == REJECTED;
    }

    /** Checks the transition; the message names both ends so logs and problems say what was refused. */
    static void check(VideoStatus from, VideoStatus to, String reason) {
        if (!allows(from, to)) {
            throw new IllegalTransitionException(from, to);
        }
        if (needsReason(to) && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("A move to " + to + " needs a reason");
        }
    }
}
