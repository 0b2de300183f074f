package io.clipfeed.media;

import java.util.Optional;

import org.springframework.stereotype.Component;

import io.clipfeed.catalog.Catalog;
import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoStatus;

/**
 * Moves a video through catalog's lifecycle from media's side, tolerating re-runs: each move happens only from
 * the state it is meant for, so a step that runs again after a crash does not attempt an illegal transition.
 */
@Component
class VideoStates {

    private final Catalog catalog;

    VideoStates(Catalog catalog) {
        this.catalog = catalog;
    }

    Optional<Video> find(String videoId) {
        return catalog.find(videoId);
    }

    boolean gone(String videoId) {
        return catalog.find(videoId).map(v -> v.status() == VideoStatus.DELETED).orElse(true);
    }

    void startProcessing(String videoId) {
        if (status(videoId) == VideoStatus.UPLOADED) {
            catalog.transition(videoId, VideoStatus.PROCESSING, null);
        }
    }

    void playable(String videoId) {
        if (status(videoId) == VideoStatus.PROCESSING) {
            catalog.transition(videoId, VideoStatus.PLAYABLE, null);
        }
    }

    /** FAILED with the creator's sentence; a video that already plays keeps playing (only its ladder failed). */
    boolean fail(String videoId, String reason) {
        VideoStatus status = status(videoId);
        if (status == VideoStatus.UPLOADED || status == VideoStatus.PROCESSING) {
            catalog.transition(videoId, VideoStatus.FAILED, reason);
            return true;
        }
        return false;
    }

    private VideoStatus status(String videoId) {
        return catalog.find(videoId).map(Video::status).orElse(VideoStatus.DELETED);
    }
}
