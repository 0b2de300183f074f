package io.clipfeed.delivery;

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
import org.springframework.transaction.support.TransactionTemplate;

import io.clipfeed.catalog.Catalog;
import io.clipfeed.catalog.MediaFacts;
import io.clipfeed.catalog.NewVideo;
import io.clipfeed.catalog.Rendition;
import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoRemoved;
import io.clipfeed.catalog.VideoStatus;
import io.clipfeed.platform.Ids;

/**
 * An in-memory stand-in for the catalog implementation, used only until it lands on main: it keeps the public
 * contract (assets per video, status changes, VideoRemoved published in a transaction and delivered after commit)
 * so that delivery's tests exercise its real HTTP behaviour over the real storage and identity modules.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StandIns {

    @Bean
    Catalog standInCatalog(ApplicationEventPublisher events, TransactionTemplate tx) {
        return new MemoryCatalog(events, tx);
    }

    static final class MemoryCatalog implements Catalog {
        private final Map<String, Video> videos = new ConcurrentHashMap<>();
        private final Map<String, Set<String>> assets = new ConcurrentHashMap<>();
        private final ApplicationEventPublisher events;
        private final TransactionTemplate tx;

        MemoryCatalog(ApplicationEventPublisher events, TransactionTemplate tx) {
            this.events = events;
            this.tx = tx;
        }

        @Override
        public Video create(NewVideo v) {
            Instant now = Instant.now();
            Video video = new Video(Ids.newId(), v.creatorId(), v.title(), v.description(), List.of(), v.visibility(),
                    VideoStatus.UPLOADING, null, null, null, null, null, null, 0, List.of(), now, now);
            videos.put(video.id(), video);
            assets.put(video.id(), ConcurrentHashMap.newKeySet());
            return video;
        }

        @Override
        public Optional<Video> find(String videoId) {
            return Optional.ofNullable(videos.get(videoId));
        }

        @Override
        public Video markUploaded(String videoId, String sourceBlobKey, long sizeBytes) {
            Video v = videos.get(videoId);
            return put(new Video(v.id(), v.creatorId(), v.title(), v.description(), v.hashtags(), v.visibility(),
                    VideoStatus.UPLOADED, null, v.durationMs(), v.width(), v.height(), sourceBlobKey,
                    v.coverBlobKey(), v.progress(), v.renditions(), v.createdAt(), Instant.now()));
        }

        @Override
        public Video transition(String videoId, VideoStatus to, String reason) {
            Video v = videos.get(videoId);
            Video next = new Video(v.id(), v.creatorId(), v.title(), v.description(), v.hashtags(), v.visibility(),
                    to, reason, v.durationMs(), v.width(), v.height(), v.sourceBlobKey(), v.coverBlobKey(),
                    v.progress(), v.renditions(), v.createdAt(), Instant.now());
            if (to == VideoStatus.DELETED || to == VideoStatus.REJECTED) {
                tx.executeWithoutResult(s -> {
                    put(next);
                    events.publishEvent(new VideoRemoved(videoId, v.sourceBlobKey(), List.copyOf(assets.get(videoId))));
                });
                return next;
            }
            return put(next);
        }

        @Override
        public void recordMediaFacts(String videoId, MediaFacts facts) {
        }

        @Override
        public Rendition recordRendition(String videoId, Rendition rendition) {
            Video v = videos.get(videoId);
            List<Rendition> renditions = new ArrayList<>(v.renditions());
            renditions.add(rendition);
            put(new Video(v.id(), v.creatorId(), v.title(), v.description(), v.hashtags(), v.visibility(),
                    v.status(), v.statusReason(), v.durationMs(), v.width(), v.height(), v.sourceBlobKey(),
                    v.coverBlobKey(), v.progress(), List.copyOf(renditions), v.createdAt(), Instant.now()));
            assets.get(videoId).add(rendition.blobKey());
            return rendition;
        }

        @Override
        public void recordCover(String videoId, String coverBlobKey) {
            Video v = videos.get(videoId);
            put(new Video(v.id(), v.creatorId(), v.title(), v.description(), v.hashtags(), v.visibility(),
                    v.status(), v.statusReason(), v.durationMs(), v.width(), v.height(), v.sourceBlobKey(),
                    coverBlobKey, v.progress(), v.renditions(), v.createdAt(), Instant.now()));
            assets.get(videoId).add(coverBlobKey);
        }

        @Override
        public void recordAssets(String videoId, Collection<String> blobKeys) {
            assets.get(videoId).addAll(blobKeys);
        }

        @Override
        public boolean hasAsset(String videoId, String blobKey) {
            return assets.getOrDefault(videoId, Set.of()).contains(blobKey);
        }

        @Override
        public void recordProgress(String videoId, int percent) {
        }

        @Override
        public List<Video> byCreator(String creatorId, int limit) {
            return videos.values().stream().filter(v -> v.creatorId().equals(creatorId)).limit(limit).toList();
        }

        private Video put(Video video) {
            videos.put(video.id(), video);
            return video;
        }
    }
}
