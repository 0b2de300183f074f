package io.clipfeed.social;

import org.springframework.stereotype.Component;

import io.clipfeed.catalog.Catalog;
import io.clipfeed.catalog.VideoPage;
import io.clipfeed.identity.Account;
import io.clipfeed.platform.CurrentUser;
import io.clipfeed.platform.CurrentUsers;

/**
 * Builds the profile response: bio, privacy, counts and the viewer's relation to the user. Callers that need a
 * user's avatar use {@code avatarUrl}, which always answers (a generated default without an upload).
 */
@Component
class ProfileViews {

    record Counts(long followers, long following, long videos, long likesReceived) {
    }

    record ViewerRelation(boolean following, boolean followsYou, boolean blocked) {
        static final ViewerRelation NONE = new ViewerRelation(false, false, false);
    }

    record Profile(String id, String username, String bio, String avatarUrl, boolean likesPublic, Counts counts,
            ViewerRelation viewer) {
    }

    /** Listed videos are counted page by page through the catalog's API; a profile shows at most this many. */
    static final int MAX_COUNTED_VIDEOS = 1000;

    private final Profiles profiles;
    private final Counters counters;
    private final Follows follows;
    private final Blocks blocks;
    private final Catalog catalog;

    ProfileViews(Profiles profiles, Counters counters, Follows follows, Blocks blocks, Catalog catalog) {
        this.profiles = profiles;
        this.counters = counters;
        this.follows = follows;
        this.blocks = blocks;
        this.catalog = catalog;
    }

    Profile of(Account account) {
        Profiles.Settings settings = profiles.of(account.id());
        Counters.UserCounts c = counters.ofUser(account.id());
        CurrentUser viewer = CurrentUsers.current().orElse(null);
        return new Profile(account.id(), account.username(), settings.bio(), UserCard.avatarUrl(account.id()),
                settings.likesPublic(), new Counts(c.followers(), c.following(), videos(account.id()),
                        c.likesReceived()), relation(viewer, account.id()));
    }

    private ViewerRelation relation(CurrentUser viewer, String userId) {
        if (viewer == null || viewer.id().equals(userId)) {
            return ViewerRelation.NONE;
        }
        return new ViewerRelation(follows.has(viewer.id(), userId), follows.has(userId, viewer.id()),
                blocks.has(viewer.id(), userId));
    }

    private long videos(String creatorId) {
        long count = 0;
        String cursor = null;
        do {
            VideoPage page = catalog.byCreator(creatorId, false, cursor, 50);
            count += page.items().size();
            cursor = page.nextCursor();
        } while (cursor != null && count < MAX_COUNTED_VIDEOS);
        return count;
    }
}
