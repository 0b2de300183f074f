package io.clipfeed.catalog;

import java.time.Instant;
import java.util.List;

/** A video as other modules see it. */
public record Video(String id, String creatorId, String title, String description, List<String> hashtags,
        Visibility visibility, VideoStatus status, String statusReason, Long durationMs, Integer width,
        Integer height, String sourceBlobKey, String coverBlobKey, int progress, List<Rendition> renditions,
        Instant createdAt, Instant updatedAt) {

    public boolean isPlayable() {
        return status == VideoStatus.PLAYABLE || status == VideoStatus.PUBLISHED;
    }
}
