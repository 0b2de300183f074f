package io.clipfeed.feed;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.clipfeed.delivery.PlaybackHints;
import io.clipfeed.platform.CurrentUser;

/** The ranked feeds: For You and trending, paged through {@link FeedSessions}. */
@Service
class FeedService {

    private final FeedModel model;
    private final ForYouLists forYou;
    private final FeedSessions sessions;
    private final Cards cards;
    private final Clock clock;

    FeedService(FeedModel model, ForYouLists forYou, FeedSessions sessions, Cards cards, Clock clock) {
        this.model = model;
        this.forYou = forYou;
        this.sessions = sessions;
        this.cards = cards;
        this.clock = clock;
    }

    /** What the viewer's request carries besides the cursor. */
    record Request(Viewer viewer, Optional<CurrentUser> user, PlaybackHints hints, int size) {
    }

    FeedPage forYou(Request request, String cursor) {
        FeedSessions.Scroll scroll = sessions.continueOrStart(cursor);
        Instant now = clock.instant();
        List<Pick> picks = forYou.page(request.viewer(), scroll::served, scroll.lastCreator(), request.size(), now);
        model.served(request.viewer().key(), picks.stream().map(Pick::videoId).toList(), now);
        return page(scroll, picks, request);
    }

    FeedPage trending(Request request, String cursor) {
        FeedSessions.Scroll scroll = sessions.continueOrStart(cursor);
        String userId = request.viewer().userId();
        Reason trending = Reason.of(Reason.Kind.TRENDING);
        java.util.function.Predicate<String> hidden = model.graph().hiddenFor(userId);
        Shelf shelf = model.shelf();
        PageAssembly.Source ranked = new LazyPicks<>(shelf.snapshot().trending().iterator(), id -> scroll.served(id)
                ? null : shelf.find(id).filter(l -> !hidden.test(l.creatorId())).map(l -> new Pick(l, trending))
                .orElse(null));
        PageAssembly.Source none = PageAssembly.of(List.of());
        List<Pick> picks = PageAssembly.assemble(ranked, none, none, 0, scroll.lastCreator(), request.size());
        return page(scroll, picks, request);
    }

    private FeedPage page(FeedSessions.Scroll scroll, List<Pick> picks, Request request) {
        scroll.add(picks);
        List<FeedItem> items = cards.items(picks, request.hints());
        boolean more = !picks.isEmpty() && !scroll.exhausted();
        return new FeedPage(items, more ? scroll.token() : null);
    }
}
