package io.clipfeed.catalog.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.clipfeed.catalog.EngagementCounts;
import io.clipfeed.catalog.PlaybackLinks;
import io.clipfeed.catalog.Video;
import io.clipfeed.identity.Accounts;

/**
 * Builds {@link VideoView}s. Cover URLs and counts come from modules that sit above catalog (delivery, social)
 * through the SPIs catalog declares; while those modules are absent the view has no cover URL and zero counts.
 */
@Component
class VideoViews {

    private final Accounts accounts;
    private final ObjectProvider<PlaybackLinks> links;
    private final ObjectProvider<EngagementCounts> counts;

    VideoViews(Accounts accounts, ObjectProvider<PlaybackLinks> links, ObjectProvider<EngagementCounts> counts) {
        this.accounts = accounts;
        this.links = links;
        this.counts = counts;
    }

    VideoView of(Video video) {
        VideoView.Creator creator = accounts.find(video.creatorId())
                .map(a -> new VideoView.Creator(a.id(), a.username()))
                .orElse(new VideoView.Creator(video.creatorId(), null));
        PlaybackLinks playback = links.getIfAvailable();
        String coverUrl = playback == null ? null : playback.coverUrl(video).orElse(null);
        EngagementCounts engagement = counts.getIfAvailable();
        return VideoView.of(video, creator, coverUrl,
                engagement == null ? EngagementCounts.Counts.ZERO : engagement.of(video.id()));
    }
}
