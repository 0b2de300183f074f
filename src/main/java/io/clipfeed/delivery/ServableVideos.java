package io.clipfeed.delivery;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.clipfeed.catalog.Catalog;
import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoRemoved;

/**
 * The catalog's view of videos as media requests need it, read at most every {@code statusCacheTtl}: a segment
 * request costs no database round trip most of the time, yet a deleted or taken-down video stops serving within
 * that time even if the {@link VideoRemoved} event is late (and at once when it arrives). Asset membership is
 * cached only when true: assets are added over time and removed only together with the video.
 */
@Component
class ServableVideos {

    private static final int MAX_ENTRIES = 50_000;
    private final Catalog catalog;
    private final Clock clock;
    private final long ttlMillis;
    private final Map<String, Cached> videos = new ConcurrentHashMap<>();
    private final Map<String, Boolean> assets = new ConcurrentHashMap<>();

    ServableVideos(Catalog catalog, Clock clock, DeliverySettings settings) {
        this.catalog = catalog;
        this.clock = clock;
        this.ttlMillis = settings.statusCacheTtl().toMillis();
    }

    Optional<Video> find(String videoId) {
        long now = clock.millis();
        Cached cached = videos.get(videoId);
        if (cached != null && now - cached.readAt < ttlMillis) {
            return cached.video;
        }
        Optional<Video> video = catalog.find(videoId);
        bound(videos);
        videos.put(videoId, new Cached(video, now));
        return video;
    }

    boolean hasAsset(String videoId, String sha256) {
        String key = videoId + '/' + sha256;
        if (assets.containsKey(key)) {
            return true;
        }
        boolean has = catalog.hasAsset(videoId, sha256);
        if (has) {
            bound(assets);
            assets.put(key, Boolean.TRUE);
        }
        return has;
    }

    /** True when {@link #find} and {@link #hasAsset} would answer from memory, without a database round trip. */
    boolean known(String videoId, String sha256) {
        Cached cached = videos.get(videoId);
        return cached != null && clock.millis() - cached.readAt < ttlMillis
                && (cached.video.isEmpty() || assets.containsKey(videoId + '/' + sha256));
    }

    @ApplicationModuleListener
    void on(VideoRemoved removed) {
        videos.remove(removed.videoId());
        assets.keySet().removeIf(k -> k.startsWith(removed.videoId() + '/'));
    }

    /** A crude bound: a busy server re-reads everything once rather than growing without limit. */
    private static void bound(Map<String, ?> map) {
        if (map.size() >= MAX_ENTRIES) {
            map.clear();
        }
    }

    private record Cached(Optional<Video> video, long readAt) {
    }
}
