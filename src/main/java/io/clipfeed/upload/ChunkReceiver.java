package io.clipfeed.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.clipfeed.platform.ApiProblem;
import io.clipfeed.upload.UploadSession.Kind;
import io.clipfeed.upload.UploadSession.State;

/**
 * Receives a chunk: checks the offset, writes and fsyncs the bytes, verifies the checksum, and only then commits
 * the new offset. The order is the durability promise: an acknowledged offset never points past bytes on disk.
 * One writer per upload at a time (this process holds the part files, so an in-process guard is enough).
 */
@Component
class ChunkReceiver {

    private final Set<String> writing = ConcurrentHashMap.newKeySet();
    private final UploadSessions sessions;
    private final PartFiles parts;
    private final UploadQuotas quotas;
    private final UploadSettings settings;
    private final CompletionJobs completions;
    private final Clock clock;

    ChunkReceiver(UploadSessions sessions, PartFiles parts, UploadQuotas quotas, UploadSettings settings,
            CompletionJobs completions, Clock clock) {
        this.sessions = sessions;
        this.parts = parts;
        this.quotas = quotas;
        this.settings = settings;
        this.completions = completions;
        this.clock = clock;
    }

    UploadSession append(UploadSession session, Chunk chunk) {
        if (session.kind() == Kind.FINAL) {
            throw ApiProblem.forbidden("A final upload is assembled from its partial uploads and takes no PATCH.");
        }
        if (!writing.add(session.id())) {
            throw UploadProblems.busy();
        }
        try {
            UploadSession fresh = sessions.find(session.id()).orElseThrow();
            return appendExclusively(fresh, chunk);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write upload " + session.id(), e);
        } finally {
            writing.remove(session.id());
        }
    }

    private UploadSession appendExclusively(UploadSession s, Chunk chunk) throws IOException {
        if (chunk.offset() != s.offset()) {
            throw UploadProblems.offsetMismatch(s.offset(), chunk.offset());
        }
        if (s.state() != State.RECEIVING) {
            // an empty PATCH at the end is how some clients close; anything more goes past the length
            if (chunk.body().read() < 0) {
                return s;
            }
            throw UploadProblems.tooLarge("This upload already has all its " + s.length() + " bytes.");
        }
        s = declareLength(s, chunk.declaredLength());
        long room = (s.lengthKnown() ? s.length() : settings.maxSize().toBytes()) - s.offset();
        if (chunk.contentLength() != null && chunk.contentLength() > room) {
            throw tooLong(s);
        }
        MessageDigest digest = chunk.checksum() == null ? null : chunk.checksum().newDigest();
        PartFiles.Appended appended = parts.append(s.id(), s.offset(), chunk.body(), room, digest);
        if (appended.tooLong()) {
            throw tooLong(s);
        }
        if (digest != null && !appended.cutOff() && !chunk.checksum().matches(digest.digest())) {
            parts.truncate(s.id(), s.offset());
            throw UploadProblems.checksumMismatch();
        }
        UploadSession committed = commit(s, s.offset() + appended.bytes());
        if (appended.cutOff()) {
            throw ApiProblem.badRequest("The request body ended early; " + committed.offset()
                    + " bytes of this upload are safely stored. Resume from there.");
        }
        return committed;
    }

    private UploadSession declareLength(UploadSession s, Long declared) {
        if (declared == null) {
            return s;
        }
        if (s.lengthKnown()) {
            if (!declared.equals(s.length())) {
                throw ApiProblem.badRequest("Upload-Length is already " + s.length() + " and cannot change.");
            }
            return s;
        }
        if (declared < s.offset()) {
            throw ApiProblem.badRequest("Upload-Length is smaller than the bytes already received.");
        }
        quotas.checkSize(declared);
        quotas.checkDailyBytes(s.ownerId(), declared - s.offset());
        sessions.declareLength(s.id(), declared);
        return sessions.find(s.id()).orElseThrow();
    }

    private UploadSession commit(UploadSession s, long newOffset) {
        boolean done = s.lengthKnown() && newOffset == s.length();
        State next = !done ? State.RECEIVING : s.kind() == Kind.PARTIAL ? State.COMPLETED : State.COMPLETING;
        if (!sessions.advance(s.id(), s.offset(), newOffset, next, clock.instant().plus(settings.expiry()))) {
            throw ApiProblem.conflict("The upload changed while this chunk was written; ask with HEAD and resume.");
        }
        if (next == State.COMPLETING) {
            completions.schedule(s.id());
        }
        return sessions.find(s.id()).orElseThrow();
    }

    private ApiProblem tooLong(UploadSession s) {
        return UploadProblems.tooLarge(s.lengthKnown()
                ? "The chunk goes past the declared Upload-Length of " + s.length() + " bytes."
                : "The chunk goes past the largest upload accepted (" + settings.maxSize().toBytes() + " bytes).");
    }
}
