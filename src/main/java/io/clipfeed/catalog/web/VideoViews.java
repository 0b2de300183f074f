package io.clipfeed.catalog.web;

import org.springframework.stereotype.Component;

import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoCards;

/**
 * Builds {@link VideoView}s. Cover URLs, counts and the creator's name come from {@link VideoCards}, the one place
 * that asks the modules above catalog (delivery, social) through catalog's SPIs.
 */
@Component
class VideoViews {

    private final VideoCards cards;

    VideoViews(VideoCards cards) {
        this.cards = cards;
    }

    VideoView of(Video video) {
        VideoView.Creator creator = new VideoView.Creator(video.creatorId(), cards.username(video.creatorId()));
        return VideoView.of(video, creator, cards.coverUrl(video), cards.counts(video.id()));
    }
}
