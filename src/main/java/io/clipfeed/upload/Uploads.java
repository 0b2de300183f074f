package io.clipfeed.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.clipfeed.catalog.VideoStatus;
import io.clipfeed.platform.ApiProblem;
import io.clipfeed.platform.Ids;
import io.clipfeed.upload.UploadSession.Kind;
import io.clipfeed.upload.UploadSession.State;

/**
 * Upload sessions as their owners see them: create (which creates the video in the catalog), look up, receive
 * chunks, terminate. Every method takes the caller's id; another user's upload does not exist for them (404).
 */
@Service
public class Uploads {

    private final UploadSessions sessions;
    private final PartFiles parts;
    private final UploadQuotas quotas;
    private final UploadSettings settings;
    private final ChunkReceiver receiver;
    private final FinalUploads finals;
    private final UploadVideos videos;
    private final Clock clock;

    Uploads(UploadSessions sessions, PartFiles parts, UploadQuotas quotas, UploadSettings settings,
            ChunkReceiver receiver, FinalUploads finals, UploadVideos videos, Clock clock) {
        this.sessions = sessions;
        this.parts = parts;
        this.quotas = quotas;
        this.settings = settings;
        this.receiver = receiver;
        this.finals = finals;
        this.videos = videos;
        this.clock = clock;
    }

    public UploadSettings settings() {
        return settings;
    }

    /** Creates an upload; a single or final upload also creates its video (UPLOADING). */
    @Transactional
    public UploadSession create(String ownerId, NewUpload request) {
        if (request.kind() == Kind.FINAL) {
            return finals.create(ownerId, request);
        }
        if (request.length() != null) {
            quotas.checkSize(request.length());
        }
        if (request.kind() == Kind.SINGLE) {
            videos.checkType(request.metadata());
        }
        quotas.checkConcurrent(ownerId);
        quotas.checkDailyBytes(ownerId, request.length() == null ? 0 : request.length());
        String videoId = request.kind() == Kind.SINGLE ? videos.create(ownerId, request.metadata()) : null;
        Instant now = clock.instant();
        UploadSession session = new UploadSession(Ids.newId(), ownerId, videoId, request.kind(), State.RECEIVING,
                request.length(), 0, request.metadata().raw(), request.metadata().contentType(), null, null, now,
                now.plus(settings.expiry()));
        try {
            parts.create(session.id());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the part file of upload " + session.id(), e);
        }
        sessions.insert(session);
        return session;
    }

    /** The caller's upload, or 404 (unknown, another user's, terminated) / 410 (expired). */
    public UploadSession get(String ownerId, String uploadId) {
        if (!Ids.isWellFormed(uploadId)) {
            throw ApiProblem.notFound("No upload has this id.");
        }
        UploadSession s = sessions.find(uploadId).filter(u -> u.ownerId().equals(ownerId))
                .filter(u -> u.state() != State.TERMINATED)
                .orElseThrow(() -> ApiProblem.notFound("No upload has this id."));
        if (s.expiredAt(clock.instant())) {
            throw ApiProblem.gone("This upload expired before it was finished; start a new one.");
        }
        return s;
    }

    /** Appends a chunk at the caller's offset; see {@link ChunkReceiver}. */
    public UploadSession append(String ownerId, String uploadId, Chunk chunk) {
        return receiver.append(get(ownerId, uploadId), chunk);
    }

    /** Stops an upload, frees its bytes and withdraws its video if the upload never finished. */
    public void terminate(String ownerId, String uploadId) {
        UploadSession s = get(ownerId, uploadId);
        if (!sessions.terminate(s.id())) {
            throw ApiProblem.notFound("No upload has this id.");
        }
        try {
            parts.delete(s.id());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (s.videoId() != null && s.state() == State.RECEIVING) {
            videos.withdraw(s.videoId(), VideoStatus.DELETED, "The upload was cancelled.");
        }
    }
}
