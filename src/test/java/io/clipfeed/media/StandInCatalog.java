package io.clipfeed.media;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.clipfeed.catalog.Catalog;
import io.clipfeed.catalog.MediaFacts;
import io.clipfeed.catalog.NewVideo;
import io.clipfeed.catalog.Rendition;
import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoStatus;
import io.clipfeed.catalog.VideoUploaded;
import io.clipfeed.platform.Ids;

/**
 * INTERIM, until catalog's implementation is on main: an in-memory {@link Catalog} with the lifecycle rules
 * media relies on, publishing {@link VideoUploaded} in a transaction exactly like the real one. Delete this
 * class (and its import in MediaPipelineIT) once the real catalog is merged, so the IT runs against it.
 */
class StandInCatalog implements Catalog {

    private static final Map<VideoStatus, Set<VideoStatus>> ALLOWED = Map.of(
            VideoStatus.UPLOADING, Set.of(VideoStatus.UPLOADED, VideoStatus.DELETED),
            VideoStatus.UPLOADED, Set.of(VideoStatus.PROCESSING, VideoStatus.FAILED, VideoStatus.DELETED),
            VideoStatus.PROCESSING, Set.of(VideoStatus.PLAYABLE, VideoStatus.FAILED, VideoStatus.DELETED),
            VideoStatus.PLAYABLE, Set.of(VideoStatus.PUBLISHED, VideoStatus.DELETED));

    @TestConfiguration
    static class Config {
        @Bean
        @Primary
        Catalog standInCatalog(ApplicationEventPublisher events, PlatformTransactionManager transactions) {
            return new StandInCatalog(events, new TransactionTemplate(transactions));
        }
    }

    private final Map<String, Video> videos = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> assets = new ConcurrentHashMap<>();
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    StandInCatalog(ApplicationEventPublisher events, TransactionTemplate transaction) {
        this.events = events;
        this.transaction = transaction;
    }

    @Override
    public Video create(NewVideo v) {
        Video video = new Video(Ids.newId(), v.creatorId(), v.title(), v.description(), List.of(), v.visibility(),
                VideoStatus.UPLOADING, null, null, null, null, null, null, 0, List.of(), Instant.now(), Instant.now());
        videos.put(video.id(), video);
        return video;
    }

    @Override
    public Optional<Video> find(String videoId) {
        return Optional.ofNullable(videos.get(videoId));
    }

    @Override
    public Video markUploaded(String videoId, String sourceBlobKey, long sizeBytes) {
        return transaction.execute(status -> {
            Video v = update(videoId, old -> copy(old, VideoStatus.UPLOADED, null, sourceBlobKey, old.renditions(),
                    old.coverBlobKey(), old.progress(), old.durationMs(), old.width(), old.height()));
            events.publishEvent(new VideoUploaded(videoId, sourceBlobKey));
            return v;
        });
    }

    @Override
    public synchronized Video transition(String videoId, VideoStatus to, String reason) {
        Video old = videos.get(videoId);
        if (!ALLOWED.getOrDefault(old.status(), Set.of()).contains(to)) {
            throw new IllegalStateException(old.status() + " → " + to);
        }
        return update(videoId, v -> copy(v, to, reason, v.sourceBlobKey(), v.renditions(), v.coverBlobKey(),
                v.progress(), v.durationMs(), v.width(), v.height()));
    }

    @Override
    public void recordMediaFacts(String videoId, MediaFacts f) {
        update(videoId, v -> copy(v, v.status(), v.statusReason(), v.sourceBlobKey(), v.renditions(),
                v.coverBlobKey(), v.progress(), f.durationMs(), f.width(), f.height()));
    }

    @Override
    public synchronized Rendition recordRendition(String videoId, Rendition r) {
        update(videoId, v -> {
            List<Rendition> list = new ArrayList<>(v.renditions());
            list.removeIf(o -> o.kind().equals(r.kind()) && o.codec().equals(r.codec()) && o.height() == r.height());
            list.add(r);
            return copy(v, v.status(), v.statusReason(), v.sourceBlobKey(), list, v.coverBlobKey(), v.progress(),
                    v.durationMs(), v.width(), v.height());
        });
        return r;
    }

    @Override
    public void recordCover(String videoId, String coverBlobKey) {
        update(videoId, v -> copy(v, v.status(), v.statusReason(), v.sourceBlobKey(), v.renditions(), coverBlobKey,
                v.progress(), v.durationMs(), v.width(), v.height()));
    }

    @Override
    public void recordAssets(String videoId, Collection<String> blobKeys) {
        assets.computeIfAbsent(videoId, id -> ConcurrentHashMap.newKeySet()).addAll(blobKeys);
    }

    @Override
    public boolean hasAsset(String videoId, String blobKey) {
        Video v = videos.get(videoId);
        return v != null && (blobKey.equals(v.sourceBlobKey()) || blobKey.equals(v.coverBlobKey())
                || v.renditions().stream().anyMatch(r -> r.blobKey().equals(blobKey))
                || assets.getOrDefault(videoId, Set.of()).contains(blobKey));
    }

    @Override
    public void recordProgress(String videoId, int percent) {
        update(videoId, v -> copy(v, v.status(), v.statusReason(), v.sourceBlobKey(), v.renditions(),
                v.coverBlobKey(), percent, v.durationMs(), v.width(), v.height()));
    }

    @Override
    public List<Video> byCreator(String creatorId, int limit) {
        return videos.values().stream().filter(v -> v.creatorId().equals(creatorId)).limit(limit).toList();
    }

    private synchronized Video update(String id, java.util.function.UnaryOperator<Video> change) {
        return videos.compute(id, (k, v) -> change.apply(v));
    }

    private static Video copy(Video v, VideoStatus status, String reason, String source, List<Rendition> renditions,
            String cover, int progress, Long durationMs, Integer width, Integer height) {
        return new Video(v.id(), v.creatorId(), v.title(), v.description(), v.hashtags(), v.visibility(), status,
                reason, durationMs, width, height, source, cover, progress, List.copyOf(renditions), v.createdAt(),
                Instant.now());
    }
}
