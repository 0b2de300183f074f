package io.clipfeed.feed;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * The feeds in a fixed order: following and a hashtag (newest first, from the shelf's indexes, no database round
 * trip) and search (best match first).
 */
@Service
class ListedFeeds {

    static final int MAX_SEARCH_OFFSET = 500;

    private final FeedModel model;
    private final SearchIndexer search;
    private final Cards cards;
    private final Clock clock;

    ListedFeeds(FeedModel model, SearchIndexer search, Cards cards, Clock clock) {
        this.model = model;
        this.search = search;
        this.cards = cards;
        this.clock = clock;
    }

    FeedPage following(FeedService.Request request, String cursor) {
        Keyset after = Keyset.decode(cursor);
        List<Listing> merged = new ArrayList<>();
        String userId = request.viewer().userId();
        for (String creator : model.graph().followees(userId)) {
            if (model.graph().hidden(userId, creator)) {
                continue;
            }
            var newest = model.shelf().byCreator(creator);
            var rest = after == null ? newest : newest.tailSet(after.asListing(), false);
            rest.stream().limit(request.size() + 1L).forEach(merged::add);
        }
        merged.sort(Listing.NEWEST_FIRST);
        List<Listing> page = merged.subList(0, Math.min(request.size(), merged.size()));
        java.time.Instant freshSince = clock.instant().minus(model.settings().freshWindow());
        List<Pick> picks = page.stream().map(l -> new Pick(l, Reason.of(l.publishedAt().isAfter(freshSince)
                ? Reason.Kind.NEW : Reason.Kind.FOLLOWING))).toList();
        Listing last = page.isEmpty() ? null : page.get(page.size() - 1);
        String next = merged.size() > request.size() ? new Keyset(last.publishedAt(), last.videoId()).encode() : null;
        return new FeedPage(items(picks, request), next);
    }

    /** Served from the shelf's per-hashtag index, newest first, as the following feed is. */
    FeedPage hashtag(FeedService.Request request, String tag, String cursor) {
        Keyset after = Keyset.decode(cursor);
        Reason reason = new Reason(Reason.Kind.HASHTAG, tag);
        var newest = model.shelf().byTag(tag);
        var rest = after == null ? newest : newest.tailSet(after.asListing(), false);
        java.util.function.Predicate<String> hidden = model.graph().hiddenFor(request.viewer().userId());
        List<Listing> page = new ArrayList<>();
        boolean more = false;
        for (Listing l : rest) {
            if (page.size() == request.size()) {
                more = true;
                break;
            }
            if (!hidden.test(l.creatorId())) {
                page.add(l);
            }
        }
        Listing last = page.isEmpty() ? null : page.get(page.size() - 1);
        String next = more ? new Keyset(last.publishedAt(), last.videoId()).encode() : null;
        return new FeedPage(items(page.stream().map(l -> new Pick(l, reason)).toList(), request), next);
    }

    FeedPage search(FeedService.Request request, String text, String cursor) {
        int offset = offset(cursor);
        List<String> ids = search.search(text, offset, request.size() + 1);
        Reason reason = Reason.of(Reason.Kind.SEARCH);
        List<Pick> picks = ids.stream().limit(request.size()).flatMap(id -> cards.video(id).stream())
                .filter(v -> !model.graph().hidden(request.viewer().userId(), v.creatorId()))
                .map(v -> new Pick(ListingProjection.listing(v, v.createdAt()), reason)).toList();
        int next = offset + request.size();
        return new FeedPage(items(picks, request),
                ids.size() > request.size() && next <= MAX_SEARCH_OFFSET ? Integer.toString(next) : null);
    }

    private static int offset(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        if (!cursor.matches("[0-9]{1,4}") || Integer.parseInt(cursor) > MAX_SEARCH_OFFSET) {
            throw new IllegalArgumentException("The cursor is not valid; start again without it.");
        }
        return Integer.parseInt(cursor);
    }

    private List<FeedItem> items(List<Pick> picks, FeedService.Request request) {
        return cards.items(picks, request.hints());
    }
}
