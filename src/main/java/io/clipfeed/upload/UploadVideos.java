package io.clipfeed.upload;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.clipfeed.catalog.Catalog;
import io.clipfeed.catalog.NewVideo;
import io.clipfeed.catalog.VideoStatus;

/** The catalog side of an upload: the video created with it, and withdrawn when the upload is abandoned. */
@Component
class UploadVideos {

    private static final Logger log = LoggerFactory.getLogger(UploadVideos.class);
    private final Catalog catalog;
    private final UploadSettings settings;

    UploadVideos(Catalog catalog, UploadSettings settings) {
        this.catalog = catalog;
        this.settings = settings;
    }

    void checkType(UploadMetadata metadata) {
        if (!settings.accepts(metadata.filetype(), metadata.filename())) {
            throw UploadProblems.unsupportedType(settings);
        }
    }

    /** Creates the video (UPLOADING) that this upload will fill; returns its id. */
    String create(String ownerId, UploadMetadata metadata) {
        return catalog.create(new NewVideo(ownerId, metadata.effectiveTitle(), metadata.description(),
                metadata.visibility(), metadata.filename())).id();
    }

    /**
     * Moves a video whose upload will never finish out of UPLOADING. Best effort: the upload's own state is
     * already final, and a video the catalog has moved on (or refuses to move) is left as it is.
     */
    void withdraw(String videoId, VideoStatus to, String reason) {
        try {
            catalog.find(videoId).filter(v -> v.status() == VideoStatus.UPLOADING)
                    .ifPresent(v -> catalog.transition(videoId, to, reason));
        } catch (RuntimeException e) {
            log.warn("Could not move video {} to {} after its upload ended: {}", videoId, to, e.toString());
        }
    }
}
