package io.clipfeed.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.clipfeed.platform.Ids;

/**
 * The catalog façade. Status changes lock the video's row, are checked by {@link Lifecycle}, recorded in the
 * history and published as events in the same transaction (so the event publication registry and the new status
 * commit or roll back together).
 */
@Service
@EnableConfigurationProperties(CatalogSettings.class)
class CatalogService implements Catalog {

    private static final Logger log = LoggerFactory.getLogger(CatalogService.class);

    private final VideoRows videos;
    private final RenditionRows renditions;
    private final CatalogQueries queries;
    private final ApplicationEventPublisher events;
    private final CatalogSettings settings;
    private final Clock clock;

    CatalogService(VideoRows videos, RenditionRows renditions, CatalogQueries queries,
            ApplicationEventPublisher events, CatalogSettings settings, Clock clock) {
        this.videos = videos;
        this.renditions = renditions;
        this.queries = queries;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Video create(NewVideo v) {
        if (!Ids.isWellFormed(v.creatorId())) {
            throw new IllegalArgumentException("creatorId is not an id");
        }
        // database timestamps keep microseconds: truncate so the cursor of a page matches the stored value
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String title = VideoTexts.bound(v.title() == null || v.title().isBlank() ? VideoTexts.titleFrom(v.filename()) : v.title(),
                VideoEdit.MAX_TITLE);
        String description = VideoTexts.bound(v.description() == null ? "" : v.description(), VideoEdit.MAX_DESCRIPTION);
        Visibility visibility = v.visibility() == null ? Visibility.PUBLIC : v.visibility();
        Video video = new Video(Ids.newId(), v.creatorId(), title, description, Hashtags.parse(description),
                visibility, VideoStatus.UPLOADING, null, null, null, null, null, null, 0, List.of(), now, now);
        videos.insert(video, v.filename() == null ? null : VideoTexts.bound(v.filename(), 255));
        videos.recordHistory(video.id(), null, VideoStatus.UPLOADING, null, now);
        return video;
    }

    @Override
    public Optional<Video> find(String videoId) {
        return queries.find(videoId);
    }

    @Override
    public List<Video> findAll(java.util.Collection<String> videoIds) {
        return queries.findAll(videoIds);
    }

    @Override
    @Transactional
    public Video markUploaded(String videoId, String sourceBlobKey, long sizeBytes) {
        Video video = locked(videoId);
        Lifecycle.check(video.status(), VideoStatus.UPLOADED, null);
        videos.updateSource(videoId, sourceBlobKey, sizeBytes, clock.instant());
        Video uploaded = move(video, VideoStatus.UPLOADED, null);
        events.publishEvent(new VideoUploaded(videoId, sourceBlobKey));
        return uploaded;
    }

    @Override
    @Transactional
    public Video transition(String videoId, VideoStatus to, String reason) {
        Video video = locked(videoId);
        if (video.status() == to) {
            return video; // a retried step asking for the status it already caused
        }
        Lifecycle.check(video.status(), to, reason);
        if ((to == VideoStatus.PLAYABLE) && video.renditions().isEmpty()) {
            throw new IllegalStateException("Video " + videoId + " has no rendition to play");
        }
        Video moved = move(video, to, reason);
        if (to == VideoStatus.PLAYABLE) {
            events.publishEvent(new VideoPlayable(videoId));
            if (settings.moderationMode() == CatalogSettings.ModerationMode.POST) {
                moved = move(moved, VideoStatus.PUBLISHED, "published at once (post-moderation)");
            }
        }
        if (moved.status() == VideoStatus.PUBLISHED) {
            events.publishEvent(new VideoPublished(videoId));
        }
        if (to == VideoStatus.DELETED) {
            events.publishEvent(removed(moved));
        }
        if (to == VideoStatus.REJECTED) {
            events.publishEvent(new VideoWithdrawn(videoId));
        }
        return moved;
    }

    @Override
    @Transactional
    public void recordMediaFacts(String videoId, MediaFacts facts) {
        videos.updateFacts(locked(videoId).id(), facts);
    }

    @Override
    @Transactional
    public Rendition recordRendition(String videoId, Rendition rendition) {
        Rendition stored = renditions.upsert(locked(videoId).id(), rendition, clock.instant());
        events.publishEvent(new RenditionsReady(videoId));
        return stored;
    }

    @Override
    @Transactional
    public void recordRenditions(String videoId, List<Rendition> stored, Collection<String> assetKeys) {
        String id = locked(videoId).id();
        renditions.addAssets(id, assetKeys);
        for (Rendition rendition : stored) {
            renditions.upsert(id, rendition, clock.instant());
        }
        events.publishEvent(new RenditionsReady(videoId));
    }

    @Override
    @Transactional
    public void recordCover(String videoId, String coverBlobKey) {
        videos.updateCover(locked(videoId).id(), coverBlobKey);
    }

    @Override
    public void recordAssets(String videoId, Collection<String> blobKeys) {
        renditions.addAssets(existing(videoId).id(), blobKeys);
    }

    @Override
    public boolean hasAsset(String videoId, String blobKey) {
        return Ids.isWellFormed(videoId) && blobKey != null && renditions.hasAsset(videoId, blobKey);
    }

    @Override
    public void recordProgress(String videoId, int percent) {
        videos.updateProgress(existing(videoId).id(), Math.max(0, Math.min(100, percent)));
    }

    @Override
    public List<Video> byCreator(String creatorId, int limit) {
        return byCreator(creatorId, true, null, limit).items();
    }

    @Override
    public VideoPage byCreator(String creatorId, boolean includeHidden, String cursor, int limit) {
        return queries.byCreator(creatorId, includeHidden, cursor, limit);
    }

    @Override
    public VideoPage byStatus(VideoStatus status, String cursor, int limit) {
        return queries.byStatus(status, cursor, limit);
    }

    @Override
    public VideoPage byHashtag(String tag, String cursor, int limit) {
        return queries.byHashtag(tag, cursor, limit);
    }

    @Override
    @Transactional
    public Optional<Video> edit(String videoId, VideoEdit edit) {
        if (!Ids.isWellFormed(videoId)) {
            return Optional.empty();
        }
        return videos.lock(videoId).filter(v -> v.status() != VideoStatus.DELETED).map(v -> {
            String description = edit.description() == null ? v.description() : edit.description();
            videos.updateText(videoId, edit.title() == null ? v.title() : edit.title(), description,
                    edit.visibility() == null ? v.visibility() : edit.visibility(), clock.instant());
            if (edit.description() != null) {
                videos.replaceHashtags(videoId, Hashtags.parse(description));
            }
            events.publishEvent(new VideoDetailsChanged(videoId));
            return videos.find(videoId).orElseThrow();
        });
    }

    /** The recorded lifecycle of a video, oldest first. */
    List<StatusChange> history(String videoId) {
        return videos.history(videoId);
    }

    private Video move(Video video, VideoStatus to, String reason) {
        Instant now = clock.instant();
        String bounded = reason == null ? null : VideoTexts.bound(reason, 1000);
        // the video shows a reason only where its creator needs one; the history keeps every reason
        boolean shown = Lifecycle.needsReason(to) || to == VideoStatus.DELETED;
        videos.updateStatus(video.id(), to, shown ? bounded : null, now);
        videos.recordHistory(video.id(), video.status(), to, bounded, now);
        log.info("Video {} moved from {} to {}", video.id(), video.status(), to);
        return videos.find(video.id()).orElseThrow();
    }

    private VideoRemoved removed(Video video) {
        List<String> assets = new ArrayList<>(renditions.allAssetKeys(video.id()));
        if (video.coverBlobKey() != null && !assets.contains(video.coverBlobKey())) {
            assets.add(video.coverBlobKey());
        }
        return new VideoRemoved(video.id(), video.sourceBlobKey(), List.copyOf(assets));
    }

    private Video locked(String videoId) {
        return (Ids.isWellFormed(videoId) ? videos.lock(videoId) : Optional.<Video>empty())
                .orElseThrow(() -> new NoSuchElementException("No video " + videoId));
    }

    private Video existing(String videoId) {
        return find(videoId).orElseThrow(() -> new NoSuchElementException("No video " + videoId));
    }
}
