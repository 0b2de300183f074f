package io.clipfeed.feed;

import java.util.Optional;

import org.springframework.stereotype.Component;

import io.clipfeed.delivery.PlaybackHints;
import io.clipfeed.platform.CurrentUser;

/**
 * The first page of For You for a page the server renders itself: the web module inlines it into the home page, so
 * a fresh page plays its first video without a feed request. The same ranking, seen-filter and cursor as
 * {@code GET /api/v1/feed/for-you}: the client asks that endpoint for the next pages with the cursor.
 */
@Component
public class ForYouPages {

    private final FeedService ranked;
    private final FeedSettings settings;

    ForYouPages(FeedService ranked, FeedSettings settings) {
        this.ranked = ranked;
        this.settings = settings;
    }

    /**
     * @param session an anonymous viewer's feed session ({@code [A-Za-z0-9_-]{8,64}}), or null; ignored for users
     * @param limit   items on the page, or null for the configured page size
     */
    public FeedPage firstPage(Optional<CurrentUser> user, String session, PlaybackHints hints, Integer limit) {
        if (session != null && !session.matches("[A-Za-z0-9_-]{8,64}")) {
            throw new IllegalArgumentException("A session id is 8 to 64 letters, digits, '-' or '_'.");
        }
        int size = limit == null ? settings.pageSize() : Math.max(1, Math.min(50, limit));
        Viewer viewer = user.map(u -> Viewer.user(u.id())).orElseGet(() -> Viewer.anonymous(session));
        return ranked.forYou(new FeedService.Request(viewer, user, hints, size), null);
    }
}
