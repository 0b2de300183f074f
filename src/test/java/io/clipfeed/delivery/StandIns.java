package io.clipfeed.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.support.TransactionTemplate;

import io.clipfeed.IntegrationTestBase;
import io.clipfeed.catalog.Catalog;
import io.clipfeed.catalog.MediaFacts;
import io.clipfeed.catalog.NewVideo;
import io.clipfeed.catalog.Rendition;
import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoRemoved;
import io.clipfeed.catalog.VideoStatus;
import io.clipfeed.platform.CurrentUser;
import io.clipfeed.platform.Ids;
import io.clipfeed.platform.Role;
import io.clipfeed.platform.TokenAuthenticator;
import io.clipfeed.storage.Blob;
import io.clipfeed.storage.BlobKey;
import io.clipfeed.storage.BlobStore;

/**
 * Minimal in-process stand-ins for the catalog, storage and identity implementations that other modules provide,
 * used only until those land on main: they keep the public contracts (files on disk named by SHA-256, the
 * VideoRemoved event after commit, bearer tokens) so that delivery's tests exercise its real HTTP behaviour.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StandIns {

    @Bean
    Catalog standInCatalog(ApplicationEventPublisher events, TransactionTemplate tx) {
        return new MemoryCatalog(events, tx);
    }

    @Bean
    BlobStore standInBlobStore() throws IOException {
        return new FileBlobStore(Files.createDirectories(IntegrationTestBase.DATA_DIR.resolve("stand-in-blobs")));
    }

    /** Bearer token {@code user-<id>} is user {@code id}; {@code staff-<id>} a moderator. */
    @Bean
    TokenAuthenticator standInTokens() {
        return token -> {
            if (token.startsWith("user-")) {
                return Optional.of(new CurrentUser(token.substring(5), token, Set.of(Role.USER)));
            }
            if (token.startsWith("staff-")) {
                return Optional.of(new CurrentUser(token.substring(6), token, Set.of(Role.MODERATOR)));
            }
            return Optional.empty();
        };
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

    static final class FileBlobStore implements BlobStore {
        private final Path dir;
        private final Map<String, String> types = new ConcurrentHashMap<>();

        FileBlobStore(Path dir) {
            this.dir = dir;
        }

        @Override
        public Blob put(Path file, String contentType) throws IOException {
            String sha;
            try (InputStream in = Files.newInputStream(file)) {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                byte[] buffer = new byte[65536];
                for (int n; (n = in.read(buffer)) > 0;) {
                    digest.update(buffer, 0, n);
                }
                sha = HexFormat.of().formatHex(digest.digest());
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            Files.copy(file, dir.resolve(sha), StandardCopyOption.REPLACE_EXISTING);
            types.put(sha, contentType);
            return new Blob(new BlobKey(sha), Files.size(file), contentType);
        }

        @Override
        public Blob retain(BlobKey key) {
            return find(key).orElseThrow();
        }

        @Override
        public void release(BlobKey key) {
        }

        @Override
        public Optional<Blob> find(BlobKey key) {
            Path file = dir.resolve(key.sha256());
            try {
                return Files.exists(file) ? Optional.of(new Blob(key, Files.size(file), types.get(key.sha256())))
                        : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        @Override
        public InputStream open(BlobKey key) throws IOException {
            return Files.newInputStream(dir.resolve(key.sha256()));
        }

        @Override
        public InputStream open(BlobKey key, long offset, long length) throws IOException {
            FileChannel channel = FileChannel.open(dir.resolve(key.sha256()));
            channel.position(offset);
            return new java.io.FilterInputStream(Channels.newInputStream(channel)) {
                private long left = length;

                @Override
                public int read() throws IOException {
                    return left-- > 0 ? super.read() : -1;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = super.read(b, off, (int) Math.min(len, left));
                    left -= Math.max(n, 0);
                    return n;
                }
            };
        }

        @Override
        public Path localCopy(BlobKey key) {
            return dir.resolve(key.sha256());
        }
    }
}
