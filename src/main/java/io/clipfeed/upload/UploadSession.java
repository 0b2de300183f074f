package io.clipfeed.upload;

import java.time.Instant;
import java.util.List;

/**
 * One tus upload. {@code offset} is the committed offset: every byte before it is on disk (fsync'd).
 * {@code length} is null while a deferred length is not yet declared.
 */
public record UploadSession(String id, String ownerId, String videoId, Kind kind, State state, Long length,
        long offset, String metadata, String contentType, List<String> partIds, String blobKey, Instant createdAt,
        Instant expiresAt) {

    /** tus concatenation: a plain upload, a partial one (to be joined) or a final one (the join). */
    public enum Kind {
        SINGLE, PARTIAL, FINAL
    }

    public enum State {
        /** Accepting bytes. */
        RECEIVING,
        /** All bytes are in; being stored and handed to the catalog (a durable job). */
        COMPLETING,
        /** Stored (single/final) or all bytes in and waiting for a final upload (partial). */
        COMPLETED,
        /** A partial that a final upload has joined. */
        CONSUMED,
        TERMINATED,
        EXPIRED
    }

    public UploadSession {
        partIds = partIds == null ? List.of() : List.copyOf(partIds);
    }

    public boolean lengthKnown() {
        return length != null;
    }

    public boolean allBytesReceived() {
        return length != null && offset == length;
    }

    /** Expired by time even if the sweeper has not run yet. */
    public boolean expiredAt(Instant now) {
        return state == State.EXPIRED || (state == State.RECEIVING && expiresAt.isBefore(now));
    }
}
