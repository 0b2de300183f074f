package io.clipfeed.upload.tus;

import java.time.Instant;

import io.clipfeed.upload.UploadSession;

/** An upload as JSON: {@code state} is RECEIVING, COMPLETING (being stored) or COMPLETED. */
record UploadStatus(String id, String videoId, String kind, String state, long offset, Long length,
        Instant expiresAt, String blobKey) {

    static UploadStatus of(UploadSession s) {
        return new UploadStatus(s.id(), s.videoId(), s.kind().name(), s.state().name(), s.offset(), s.length(),
                s.expiresAt(), s.blobKey());
    }
}
