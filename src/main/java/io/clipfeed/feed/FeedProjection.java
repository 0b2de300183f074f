package io.clipfeed.feed;

import java.time.Clock;
import java.time.Instant;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.clipfeed.analytics.PlaybackObserved;
import io.clipfeed.social.CommentPosted;
import io.clipfeed.social.UserBlocked;
import io.clipfeed.social.UserFollowed;
import io.clipfeed.social.UserUnblocked;
import io.clipfeed.social.UserUnfollowed;
import io.clipfeed.social.VideoLiked;
import io.clipfeed.social.VideoShared;
import io.clipfeed.social.VideoUnliked;

/**
 * Keeps the feed's interactions, follows and blocks (tables and model) current from social's and analytics'
 * events. A playback session may report one play several times (progress, then exit): it counts as one play and
 * at most one completion. A watched video (2 s, or the end) is what counts as seen for For You; being served is not.
 */
@Component
class FeedProjection {

    static final long MIN_WATCH_MS = 2000;

    private final FeedRows rows;
    private final FeedModel model;
    private final Cards cards;
    private final Clock clock;
    /** Per playback session and video: whether the play (false) or also the completion (true) was recorded. */
    private final Cache<String, Boolean> plays = Caffeine.newBuilder().maximumSize(500_000)
            .expireAfterWrite(java.time.Duration.ofHours(6)).build();

    FeedProjection(FeedRows rows, FeedModel model, Cards cards, Clock clock) {
        this.rows = rows;
        this.model = model;
        this.cards = cards;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(PlaybackObserved e) {
        String key = e.sessionId() + "|" + e.videoId();
        Boolean before = plays.getIfPresent(key);
        boolean watched = e.watchedMs() >= MIN_WATCH_MS || e.completed();
        if (watched) {
            // a play already counted (the same session watching it again) still moves it to the end of the seen
            // videos, which For You offers again least recently seen first once nothing fresh is left
            model.watched(e.viewerKey(), e.videoId(), at(e.at()));
        }
        if (before == null && watched) {
            record(new Interaction(e.viewerKey(), e.videoId(), Signal.PLAY, at(e.at())));
            plays.put(key, false);
        }
        if (e.completed() && !Boolean.TRUE.equals(before)) {
            record(new Interaction(e.viewerKey(), e.videoId(), Signal.COMPLETE, at(e.at())));
            plays.put(key, true);
        }
    }

    @ApplicationModuleListener
    void on(VideoLiked e) {
        record(new Interaction("u:" + e.userId(), e.videoId(), Signal.LIKE, at(e.at())));
    }

    @ApplicationModuleListener
    void on(VideoUnliked e) {
        record(new Interaction("u:" + e.userId(), e.videoId(), Signal.UNLIKE, at(e.at())));
    }

    @ApplicationModuleListener
    void on(CommentPosted e) {
        record(new Interaction("u:" + e.authorId(), e.videoId(), Signal.COMMENT, at(e.at())));
    }

    @ApplicationModuleListener
    void on(VideoShared e) {
        String viewer = e.userId() == null ? Interaction.NOBODY : "u:" + e.userId();
        record(new Interaction(viewer, e.videoId(), Signal.SHARE, at(e.at())));
    }

    @ApplicationModuleListener
    void on(UserFollowed e) {
        rows.follow(e.followerId(), e.followeeId(), true);
        model.graph().follow(e.followerId(), e.followeeId());
    }

    @ApplicationModuleListener
    void on(UserUnfollowed e) {
        rows.follow(e.followerId(), e.followeeId(), false);
        model.graph().unfollow(e.followerId(), e.followeeId());
    }

    @ApplicationModuleListener
    void on(UserBlocked e) {
        rows.block(e.blockerId(), e.blockedId(), true);
        model.graph().block(e.blockerId(), e.blockedId());
    }

    @ApplicationModuleListener
    void on(UserUnblocked e) {
        rows.block(e.blockerId(), e.blockedId(), false);
        model.graph().unblock(e.blockerId(), e.blockedId());
    }

    private void record(Interaction interaction) {
        rows.record(interaction);
        model.record(interaction);
        if (interaction.signal() != Signal.PLAY && interaction.signal() != Signal.COMPLETE) {
            cards.countsChanged(interaction.videoId()); // a like, comment or share: show the new count
        }
    }

    private Instant at(Instant at) {
        return at == null ? clock.instant() : at;
    }
}
