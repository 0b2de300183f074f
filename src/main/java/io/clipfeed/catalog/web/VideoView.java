package io.clipfeed.catalog.web;

import java.time.Instant;
import java.util.List;

import io.clipfeed.catalog.EngagementCounts;
import io.clipfeed.catalog.Rendition;
import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoStatus;
import io.clipfeed.catalog.Visibility;

/** A video as the API shows it (the stable {@code GET /api/v1/videos/{id}} shape); blob keys never leave. */
record VideoView(String id, VideoStatus status, String statusReason, String title, String description,
        List<String> hashtags, Visibility visibility, Creator creator, Long durationMs, Integer width, Integer height,
        List<RenditionView> renditions, String coverUrl, EngagementCounts.Counts counts, int progress,
        Instant createdAt) {

    record Creator(String id, String username) {
    }

    record RenditionView(String id, String kind, String codec, int width, int height, long bitrate, long sizeBytes,
            Double ssim, Double psnr) {
        static RenditionView of(Rendition r) {
            return new RenditionView(r.id(), r.kind(), r.codec(), r.width(), r.height(), r.bitrate(), r.sizeBytes(),
                    r.ssim(), r.psnr());
        }
    }

    static VideoView of(Video v, Creator creator, String coverUrl, EngagementCounts.Counts counts) {
        return new VideoView(v.id(), v.status(), v.statusReason(), v.title(), v.description(), v.hashtags(),
                v.visibility(), creator, v.durationMs(), v.width(), v.height(),
                v.renditions().stream().map(RenditionView::of).toList(), coverUrl, counts, v.progress(),
                v.createdAt());
    }
}
