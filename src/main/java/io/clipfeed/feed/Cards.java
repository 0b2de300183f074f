package io.clipfeed.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import io.clipfeed.catalog.Catalog;
import io.clipfeed.catalog.EngagementCounts;
import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoAccess;
import io.clipfeed.catalog.VideoCard;
import io.clipfeed.catalog.VideoCards;
import io.clipfeed.delivery.PlayInfo;
import io.clipfeed.delivery.PlaybackHints;
import io.clipfeed.delivery.PlaybackUrls;
import io.clipfeed.platform.ExpireAt;

/**
 * Turns picks into {@link FeedItem}s without a database round trip when warm. Per listed video it keeps the
 * video, its creator's name, the signed cover link and the play info per set of playback hints (a listed video's
 * links are the same for every viewer). Catalog's events drop an entry at once ({@code VideoPublished},
 * {@code VideoDetailsChanged} — a video made private —, {@code VideoRemoved}, {@code VideoWithdrawn}), so a video
 * that stops being listed is never served from here, and {@code RenditionsReady} (a ladder landed) rebuilds its
 * play info at once. Entries also expire after {@link #LONGEST}, which only matters where catalog's events do not
 * reach this process (a ladder stored by a separate worker process), and always before half of their signed URLs' lifetime has passed, so a served
 * link is valid for at least half of {@code clipfeed.delivery.url-ttl}. Counts are refreshed in the background
 * every {@link #COUNTS_FRESH} and re-read after a like, comment or share the feed hears of.
 */
@Component
class Cards {

    static final Duration LONGEST = Duration.ofMinutes(5);
    static final Duration NOT_LISTED = Duration.ofSeconds(10);
    static final Duration COUNTS_FRESH = Duration.ofSeconds(10);
    /** Play info kept per video for this many different sets of hints at most (hints are client input). */
    static final int MAX_HINT_SETS = 16;

    private final Catalog catalog;
    private final PlaybackUrls playback;
    private final VideoCards cards;
    private final Clock clock;
    private final Cache<String, Prepared> prepared;
    private final Cache<String, Optional<Video>> videos = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(NOT_LISTED).build();
    private final Cache<String, Optional<String>> usernames = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(5)).build();
    private final LoadingCache<String, EngagementCounts.Counts> engagement;

    /** A listed video ready to be shown ({@code video} null: not listed), valid until {@code until}. */
    private record Prepared(Video video, String username, String coverUrl, Instant until,
            Map<PlaybackHints, Optional<PlayInfo>> plays) {
    }

    Cards(Catalog catalog, PlaybackUrls playback, VideoCards cards, Clock clock) {
        this.catalog = catalog;
        this.playback = playback;
        this.cards = cards;
        this.clock = clock;
        // each entry lives until its own until
        this.prepared = Caffeine.newBuilder().maximumSize(100_000)
                .expireAfter(new ExpireAt<String, Prepared>(clock, Prepared::until)).build();
        Executor background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "feed-counts");
            t.setDaemon(true);
            return t;
        });
        this.engagement = Caffeine.newBuilder().maximumSize(200_000).refreshAfterWrite(COUNTS_FRESH)
                .expireAfterAccess(Duration.ofMinutes(2)).executor(background).build(new CacheLoader<>() {
                    @Override
                    public EngagementCounts.Counts load(String videoId) {
                        return cards.counts(videoId);
                    }

                    @Override
                    public Map<String, EngagementCounts.Counts> loadAll(Set<? extends String> videoIds) {
                        return cards.counts(new ArrayList<String>(videoIds));
                    }
                });
    }

    Optional<FeedItem> item(Pick pick, PlaybackHints hints) {
        Prepared p = prepared.get(pick.videoId(), this::prepare);
        return item(pick, p, p.video() == null ? null : engagement.get(pick.videoId()), hints);
    }

    /**
     * The items of a page, in the picks' order (picks no longer listed left out). The videos missing from the
     * cache are read together, so a page deep in the long tail costs three catalog queries and one counts query,
     * not four per video.
     */
    List<FeedItem> items(List<Pick> picks, PlaybackHints hints) {
        Map<String, Prepared> ready = prepared.getAll(picks.stream().map(Pick::videoId).toList(), this::prepareAll);
        Map<String, EngagementCounts.Counts> counts = engagement.getAll(picks.stream().map(Pick::videoId)
                .filter(id -> ready.get(id) != null && ready.get(id).video() != null).toList());
        List<FeedItem> items = new ArrayList<>(picks.size());
        for (Pick pick : picks) {
            item(pick, ready.get(pick.videoId()), counts.get(pick.videoId()), hints).ifPresent(items::add);
        }
        return items;
    }

    private Optional<FeedItem> item(Pick pick, Prepared p, EngagementCounts.Counts counts, PlaybackHints hints) {
        if (p == null || p.video() == null) {
            return Optional.empty();
        }
        return play(p, hints).map(play -> new FeedItem(VideoCard.of(p.video(), p.username(), p.coverUrl(),
                counts), play, pick.reason().text(p.username()), pick.reason().code()));
    }

    /** The video as cached for the request path (listed or not). */
    Optional<Video> video(String videoId) {
        return videos.get(videoId, catalog::find);
    }

    /** The video changed (or is gone): its next card is built afresh. */
    void forget(String videoId) {
        prepared.invalidate(videoId);
        videos.invalidate(videoId);
    }

    /** A like, comment or share changed the video's counts. */
    void countsChanged(String videoId) {
        engagement.invalidate(videoId);
    }

    String username(String userId) {
        return usernames.get(userId, id -> Optional.ofNullable(cards.username(id))).orElse(null);
    }

    private Optional<PlayInfo> play(Prepared p, PlaybackHints hints) {
        Optional<PlayInfo> known = p.plays().get(hints);
        if (known != null) {
            return known;
        }
        // a listed video is public: its links are bound to no viewer, so one play info serves everyone
        Optional<PlayInfo> play = playback.playInfo(p.video(), Optional.empty(), hints);
        if (p.plays().size() < MAX_HINT_SETS) {
            p.plays().putIfAbsent(hints, play);
        }
        return play;
    }

    private Prepared prepare(String videoId) {
        return prepare(catalog.find(videoId));
    }

    private Map<String, Prepared> prepareAll(Set<? extends String> videoIds) {
        Map<String, Video> found = new HashMap<>();
        catalog.findAll(List.copyOf(videoIds)).forEach(v -> found.put(v.id(), v));
        Map<String, Prepared> out = new HashMap<>();
        videoIds.forEach(id -> out.put(id, prepare(Optional.ofNullable(found.get(id)))));
        return out;
    }

    private Prepared prepare(Optional<Video> found) {
        Instant now = clock.instant();
        Video video = found.filter(VideoAccess::isListed).orElse(null);
        if (video == null) {
            return new Prepared(null, null, null, now.plus(NOT_LISTED), Map.of());
        }
        Map<PlaybackHints, Optional<PlayInfo>> plays = new ConcurrentHashMap<>();
        Optional<PlayInfo> probe = playback.playInfo(video, Optional.empty(), PlaybackHints.DEFAULT);
        plays.put(PlaybackHints.DEFAULT, probe);
        Instant until = now.plus(LONGEST);
        if (probe.isPresent()) {
            Instant halfLife = now.plus(Duration.between(now, probe.get().expiresAt()).dividedBy(2));
            until = halfLife.isBefore(until) ? halfLife : until;
        } else {
            until = now.plus(NOT_LISTED); // nothing an H.264 client can play yet: look again soon
        }
        return new Prepared(video, username(video.creatorId()), cards.coverUrl(video), until, plays);
    }
}
