package io.clipfeed.feed;

import java.time.Duration;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.clipfeed.catalog.Catalog;
import io.clipfeed.catalog.EngagementCounts;
import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoAccess;
import io.clipfeed.catalog.VideoCard;
import io.clipfeed.catalog.VideoCards;
import io.clipfeed.delivery.PlaybackHints;
import io.clipfeed.delivery.PlaybackUrls;
import io.clipfeed.identity.Accounts;
import io.clipfeed.platform.CurrentUser;

/**
 * Turns picks into {@link FeedItem}s. Videos, usernames and counts are cached briefly so a page costs no database
 * round trip when warm; catalog events drop a video's entry at once, and the short expiry bounds staleness for
 * changes that publish no event (a moderator's rejection). Every item is checked again here: a video that is no
 * longer listed, or cannot be played by this viewer, is left out.
 */
@Component
class Cards {

    private final Catalog catalog;
    private final Accounts accounts;
    private final PlaybackUrls playback;
    private final VideoCards cards;
    private final Cache<String, Optional<Video>> videos = Caffeine.newBuilder().maximumSize(200_000)
            .expireAfterWrite(Duration.ofSeconds(10)).build();
    private final Cache<String, Optional<String>> usernames = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(5)).build();
    private final Cache<String, EngagementCounts.Counts> engagement = Caffeine.newBuilder().maximumSize(200_000)
            .expireAfterWrite(Duration.ofSeconds(2)).build();

    Cards(Catalog catalog, Accounts accounts, PlaybackUrls playback, VideoCards cards) {
        this.catalog = catalog;
        this.accounts = accounts;
        this.playback = playback;
        this.cards = cards;
    }

    Optional<FeedItem> item(Pick pick, Optional<CurrentUser> viewer, PlaybackHints hints) {
        Optional<Video> video = videos.get(pick.videoId(), catalog::find).filter(VideoAccess::isListed);
        return video.flatMap(v -> playback.playInfo(v, viewer, hints).map(play -> {
            String username = username(v.creatorId());
            return new FeedItem(card(v, username), play, pick.reason().text(username));
        }));
    }

    /** The video as cached for the request path (listed or not). */
    Optional<Video> video(String videoId) {
        return videos.get(videoId, catalog::find);
    }

    void forget(String videoId) {
        videos.invalidate(videoId);
    }

    String username(String userId) {
        return usernames.get(userId, id -> accounts.find(id).map(a -> a.username())).orElse(null);
    }

    private VideoCard card(Video v, String username) {
        return VideoCard.of(v, username, cards.coverUrl(v), counts(v.id()));
    }

    private EngagementCounts.Counts counts(String videoId) {
        return engagement.get(videoId, cards::counts);
    }
}
