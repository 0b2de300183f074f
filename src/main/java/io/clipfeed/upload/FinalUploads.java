package io.clipfeed.upload;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.springframework.stereotype.Component;

import io.clipfeed.platform.ApiProblem;
import io.clipfeed.platform.Ids;
import io.clipfeed.upload.UploadSession.Kind;
import io.clipfeed.upload.UploadSession.State;

/**
 * tus concatenation: a final upload joins the caller's finished partial uploads in order. It is complete the moment
 * it exists, so it goes straight to completion; the partials are consumed (one final each).
 */
@Component
class FinalUploads {

    private final UploadSessions sessions;
    private final UploadQuotas quotas;
    private final UploadSettings settings;
    private final UploadVideos videos;
    private final CompletionJobs completions;
    private final Clock clock;

    FinalUploads(UploadSessions sessions, UploadQuotas quotas, UploadSettings settings, UploadVideos videos,
            CompletionJobs completions, Clock clock) {
        this.sessions = sessions;
        this.quotas = quotas;
        this.settings = settings;
        this.videos = videos;
        this.completions = completions;
        this.clock = clock;
    }

    /** Runs inside the creating transaction. */
    UploadSession create(String ownerId, NewUpload request) {
        List<UploadSession> partials = partials(ownerId, request.partIds());
        videos.checkType(request.metadata());
        long length = partials.stream().mapToLong(UploadSession::length).sum();
        quotas.checkSize(length);
        for (UploadSession p : partials) {
            if (!sessions.changeState(p.id(), State.COMPLETED, State.CONSUMED)) {
                throw ApiProblem.conflict("Partial upload " + p.id() + " was joined by another final upload.");
            }
        }
        String videoId = videos.create(ownerId, request.metadata());
        Instant now = clock.instant();
        UploadSession session = new UploadSession(Ids.newId(), ownerId, videoId, Kind.FINAL, State.COMPLETING,
                length, length, request.metadata().raw(), request.metadata().contentType(),
                partials.stream().map(UploadSession::id).toList(), null, now, now.plus(settings.expiry()));
        sessions.insert(session);
        completions.scheduleAfterCommit(session.id());
        return session;
    }

    private List<UploadSession> partials(String ownerId, List<String> ids) {
        if (ids.isEmpty() || ids.size() > settings.maxPartials()) {
            throw ApiProblem.badRequest("A final upload joins 1 to " + settings.maxPartials() + " partial uploads.");
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            throw ApiProblem.badRequest("A partial upload can appear only once in Upload-Concat.");
        }
        List<UploadSession> found = new ArrayList<>();
        for (String id : ids) {
            UploadSession p = sessions.find(id).filter(s -> s.ownerId().equals(ownerId))
                    .filter(s -> s.kind() == Kind.PARTIAL)
                    .orElseThrow(() -> ApiProblem.badRequest("Upload-Concat names an unknown partial upload."));
            if (p.state() != State.COMPLETED) {
                throw ApiProblem.badRequest("Partial upload " + id + " is not complete (or was already joined).");
            }
            found.add(p);
        }
        return found;
    }
}
