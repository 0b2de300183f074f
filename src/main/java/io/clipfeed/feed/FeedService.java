package io.clipfeed.feed;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.clipfeed.delivery.PlaybackHints;
import io.clipfeed.platform.CurrentUser;

/**
 * The ranked feeds: For You and trending, paged through {@link FeedSessions}. For You never ends while anything is
 * listed: once the viewer has seen everything fresh it goes on with {@link CaughtUp}'s items.
 */
@Service
class FeedService {

    private final FeedModel model;
    private final ForYouLists forYou;
    private final FeedSessions sessions;
    private final Cards cards;
    private final CaughtUp caughtUp;
    private final Clock clock;

    FeedService(FeedModel model, ForYouLists forYou, FeedSessions sessions, Cards cards, Clock clock) {
        this.model = model;
        this.caughtUp = new CaughtUp(model);
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
        // a scroll that caught up stays so: fresh picks only while there are any, then caught-up ones to the end
        boolean fresh = !scroll.caughtUp() && !scroll.exhausted();
        List<Pick> picks = fresh ? forYou.page(request.viewer(), scroll::served, scroll.lastCreator(),
                request.size(), now, scroll.position()) : List.of();
        picks = caughtUp.complete(picks, request.viewer(), scroll, request.size(), now);
        model.served(picks.stream().map(Pick::videoId).toList());
        scroll.add(picks);
        List<FeedItem> items = cards.items(picks, request.hints());
        // while anything is listed For You goes on (cycling through it once the viewer caught up)
        return new FeedPage(items, picks.isEmpty() ? null : scroll.token());
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
