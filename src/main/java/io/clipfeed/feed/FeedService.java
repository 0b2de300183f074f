package io.clipfeed.feed;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.clipfeed.delivery.PlaybackHints;
import io.clipfeed.platform.CurrentUser;

/** The ranked feeds: For You and trending, paged through {@link FeedSessions}. */
@Service
class FeedService {

    private final FeedModel model;
    private final ForYou forYou;
    private final FeedSessions sessions;
    private final Cards cards;
    private final Clock clock;

    FeedService(FeedModel model, ForYou forYou, FeedSessions sessions, Cards cards, Clock clock) {
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
        List<Pick> picks = forYou.rank(request.viewer(), scroll::served, scroll.lastCreator(), request.size(), now);
        model.served(request.viewer().key(), picks.stream().map(Pick::videoId).toList(), now);
        return page(scroll, picks, request);
    }

    FeedPage trending(Request request, String cursor) {
        FeedSessions.Scroll scroll = sessions.continueOrStart(cursor);
        String userId = request.viewer().userId();
        Reason trending = Reason.of(Reason.Kind.TRENDING);
        List<Pick> ranked = new ArrayList<>();
        for (String id : model.shelf().snapshot().trending()) {
            if (!scroll.served(id)) {
                model.shelf().find(id).filter(l -> !model.graph().hidden(userId, l.creatorId()))
                        .ifPresent(l -> ranked.add(new Pick(l, trending)));
            }
        }
        List<Pick> picks = PageAssembly.assemble(ranked, List.of(), List::of, 0, scroll.lastCreator(),
                request.size());
        return page(scroll, picks, request);
    }

    private FeedPage page(FeedSessions.Scroll scroll, List<Pick> picks, Request request) {
        scroll.add(picks);
        List<FeedItem> items = picks.stream()
                .flatMap(p -> cards.item(p, request.user(), request.hints()).stream()).toList();
        boolean more = !picks.isEmpty() && !scroll.exhausted();
        return new FeedPage(items, more ? scroll.token() : null);
    }
}
