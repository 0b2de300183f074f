package io.clipfeed.feed;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.clipfeed.catalog.Catalog;
import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoAccess;
import io.clipfeed.catalog.VideoDetailsChanged;
import io.clipfeed.catalog.VideoPage;
import io.clipfeed.catalog.VideoPublished;
import io.clipfeed.catalog.VideoRemoved;
import io.clipfeed.catalog.VideoWithdrawn;
import io.clipfeed.catalog.VideoStatus;
import io.clipfeed.platform.ClipfeedSettings;

/**
 * Owns the {@link SearchIndex} under {@code <data-dir>/search} and keeps it current from catalog's events. When
 * the directory holds no index (first start, or it was deleted) the index is rebuilt from the catalog in the
 * background. When another process holds the directory's lock, this one indexes into a private directory of its
 * own (rebuilt, and deleted at shutdown) rather than failing to start.
 */
@Component
class SearchIndexer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

    private final Catalog catalog;
    private final Cards cards;
    private final SearchIndex index;
    private final Path privateDir;

    SearchIndexer(Catalog catalog, Cards cards, ClipfeedSettings settings) {
        this.catalog = catalog;
        this.cards = cards;
        Path shared = settings.dataDir().resolve("search");
        SearchIndex opened;
        Path own = null;
        try {
            opened = new SearchIndex(shared);
        } catch (java.io.UncheckedIOException e) {
            if (!(e.getCause() instanceof LockObtainFailedException)) {
                throw e;
            }
            own = settings.dataDir().resolve("search-" + UUID.randomUUID());
            log.warn("The search index at {} is in use by another process; indexing into {}", shared, own);
            opened = new SearchIndex(own);
        }
        this.index = opened;
        this.privateDir = own;
        if (!index.existed()) {
            Thread rebuild = new Thread(this::rebuild, "search-rebuild");
            rebuild.setDaemon(true);
            rebuild.start();
        }
    }

    List<String> search(String text, int offset, int limit) {
        return index.search(text, offset, limit);
    }

    @ApplicationModuleListener
    void on(VideoPublished e) {
        reindex(e.videoId());
    }

    @ApplicationModuleListener
    void on(VideoDetailsChanged e) {
        reindex(e.videoId());
    }

    @ApplicationModuleListener
    void on(VideoRemoved e) {
        index.remove(e.videoId());
        index.commit();
    }

    @ApplicationModuleListener
    void on(VideoWithdrawn e) {
        index.remove(e.videoId());
        index.commit();
    }

    private void reindex(String videoId) {
        catalog.find(videoId).ifPresentOrElse(this::put, () -> index.remove(videoId));
        index.commit();
    }

    private void put(Video v) {
        if (VideoAccess.isListed(v)) {
            index.put(v.id(), v.title(), v.description(), v.hashtags(), cards.username(v.creatorId()));
        } else {
            index.remove(v.id());
        }
    }

    private void rebuild() {
        long start = System.nanoTime();
        int count = 0;
        String cursor = null;
        try {
            do {
                VideoPage page = catalog.byStatus(VideoStatus.PUBLISHED, cursor, 50);
                page.items().forEach(this::put);
                count += page.items().size();
                cursor = page.nextCursor();
            } while (cursor != null);
            index.commit();
            log.info("Search index rebuilt from {} published videos in {} ms", count,
                    (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("Rebuilding the search index failed after {} videos", count, e);
        }
    }

    @Override
    public void destroy() throws IOException {
        index.close();
        if (privateDir != null) {
            org.springframework.util.FileSystemUtils.deleteRecursively(privateDir);
        }
    }
}
