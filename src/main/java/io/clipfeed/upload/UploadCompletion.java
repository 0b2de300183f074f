package io.clipfeed.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

import io.clipfeed.catalog.Catalog;
import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoStatus;
import io.clipfeed.storage.Blob;
import io.clipfeed.storage.BlobKey;
import io.clipfeed.storage.BlobStore;
import io.clipfeed.upload.UploadSession.Kind;
import io.clipfeed.upload.UploadSession.State;

/**
 * Finishes an upload whose bytes are all in: stores them content-addressed, drops the part files and tells the
 * catalog (which publishes VideoUploaded). Runs as a durable job, so a crash at any step is retried; each step is
 * skipped when a previous attempt already did it. The local store adopts the finished file by a hard link (no copy);
 * the part file's name is dropped only after the session records the blob, so a retry after a crash anywhere
 * finds the file again. Hashing a large file still takes a while, which is why this is not done inside the last
 * PATCH.
 */
@Component
class UploadCompletion {

    private static final Logger log = LoggerFactory.getLogger(UploadCompletion.class);
    private final UploadSessions sessions;
    private final PartFiles parts;
    private final BlobStore blobs;
    private final Catalog catalog;
    private final Clock clock;

    UploadCompletion(UploadSessions sessions, PartFiles parts, BlobStore blobs, Catalog catalog, Clock clock) {
        this.sessions = sessions;
        this.parts = parts;
        this.blobs = blobs;
        this.catalog = catalog;
        this.clock = clock;
    }

    void complete(String uploadId) throws IOException {
        UploadSession s = sessions.find(uploadId).orElse(null);
        if (s == null || s.state() != State.COMPLETING) {
            return;
        }
        MDC.put("uploadId", s.id());
        MDC.put("videoId", s.videoId());
        try {
            String blobKey = s.blobKey() != null ? s.blobKey() : store(s);
            handOver(s, blobKey);
            sessions.markCompleted(s.id(), clock.instant());
            parts.delete(s.id());
            for (String partial : s.partIds()) {
                parts.delete(partial);
            }
            log.info("Upload complete: {} bytes stored as {}", s.length(), blobKey);
        } finally {
            MDC.remove("uploadId");
            MDC.remove("videoId");
        }
    }

    /**
     * Tells the catalog, unless a previous attempt already did. A video removed while its bytes were still
     * arriving never takes the source, so the reference this upload took is given back.
     */
    private void handOver(UploadSession s, String blobKey) {
        Optional<Video> video = catalog.find(s.videoId());
        if (video.map(v -> v.status() == VideoStatus.UPLOADING).orElse(false)) {
            catalog.markUploaded(s.videoId(), blobKey, s.length());
        } else if (video.map(v -> !blobKey.equals(v.sourceBlobKey())).orElse(true)) {
            log.info("Video {} went away during its upload; releasing the stored source", s.videoId());
            blobs.release(new BlobKey(blobKey));
        }
    }

    private String store(UploadSession s) throws IOException {
        Path file = s.kind() == Kind.FINAL ? parts.concatenate(s.id(), s.partIds(), s.length()) : parts.path(s.id());
        long size = Files.size(file);
        if (size != s.length()) {
            throw new IOException("Upload " + s.id() + " has " + size + " bytes on disk, expected " + s.length());
        }
        // every acknowledged PATCH forced its bytes (concatenate forces too) and the session no longer takes any:
        // the store may link the file in place instead of copying and syncing it again
        Blob blob = blobs.adopt(file, s.contentType());
        // recorded before anything else so a retry does not store (and reference) the bytes twice
        sessions.recordBlob(s.id(), blob.key().sha256());
        return blob.key().sha256();
    }
}
