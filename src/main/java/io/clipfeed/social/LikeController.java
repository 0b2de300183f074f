package io.clipfeed.social;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoCard;
import io.clipfeed.identity.Accounts;
import io.clipfeed.platform.ApiProblem;
import io.clipfeed.platform.CurrentUser;
import io.clipfeed.platform.CurrentUsers;
import io.clipfeed.platform.Ids;

/** Likes of a video, the viewer's state on a video, and a user's liked videos (if they keep them public). */
@RestController
class LikeController {

    record LikeState(boolean liked, long likes) {
    }

    record ViewerState(boolean liked, boolean followingCreator) {
    }

    private final Likes likes;
    private final Follows follows;
    private final VisibleVideos videos;
    private final VisibleCards cards;
    private final Profiles profiles;
    private final Accounts accounts;

    LikeController(Likes likes, Follows follows, VisibleVideos videos, VisibleCards cards, Profiles profiles,
            Accounts accounts) {
        this.likes = likes;
        this.follows = follows;
        this.videos = videos;
        this.cards = cards;
        this.profiles = profiles;
        this.accounts = accounts;
    }

    @PutMapping("/api/v1/videos/{id}/like")
    LikeState like(@PathVariable String id) {
        CurrentUser me = CurrentUsers.require();
        return new LikeState(true, likes.like(videos.require(id), me.id()));
    }

    @DeleteMapping("/api/v1/videos/{id}/like")
    LikeState unlike(@PathVariable String id) {
        CurrentUser me = CurrentUsers.require();
        return new LikeState(false, likes.unlike(videos.require(id), me.id()));
    }

    @GetMapping("/api/v1/videos/{id}/viewer")
    ViewerState viewer(@PathVariable String id) {
        Video video = videos.require(id);
        return CurrentUsers.current().map(me -> new ViewerState(likes.has(video.id(), me.id()),
                follows.has(me.id(), video.creatorId()))).orElse(new ViewerState(false, false));
    }

    @GetMapping("/api/v1/users/{id}/likes")
    Page<VideoCard> liked(@PathVariable String id, @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "20") int limit) {
        Ids.requireWellFormed(id, "user");
        if (accounts.find(id).isEmpty()) {
            throw ApiProblem.notFound("No user has this id.");
        }
        CurrentUser viewer = CurrentUsers.current().orElse(null);
        boolean self = viewer != null && viewer.id().equals(id);
        if (!self && !profiles.of(id).likesPublic()) {
            throw ApiProblem.forbidden("This user keeps their likes private.");
        }
        int size = Keyset.limit(limit);
        return Page.of(likes.likedBy(id, Keyset.decode(cursor), size + 1), size, k -> k,
                page -> cards.visible(page.stream().map(Keyset::id).toList(), viewer));
    }
}
