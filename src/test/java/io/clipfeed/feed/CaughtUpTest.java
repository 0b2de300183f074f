package io.clipfeed.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CaughtUpTest {

    final Instant now = Instant.parse("2026-11-01T12:00:00Z");
    final Instant old = now.minus(Duration.ofDays(10));
    FeedModel model;
    ForYou forYou;
    CaughtUp caughtUp;
    final List<String> all = new ArrayList<>();

    @BeforeEach
    void world() {
        model = new FeedModel(FeedSettings.defaults(), now.minus(Duration.ofDays(30)));
        forYou = new ForYou(model);
        caughtUp = new CaughtUp(model);
        for (int c = 0; c < 3; c++) {
            for (int v = 0; v < 4; v++) {
                String id = "v" + c + "x" + v;
                model.shelf().list(new Listing(id, "c" + c, List.of("cats"), old.plusSeconds(c * 100 + v)));
                all.add(id);
            }
        }
        model.record(new Interaction("u:fan", "v2x3", Signal.LIKE, old.plusSeconds(1000))); // the most popular
        model.shelf().refresh(now);
    }

    /** One For You page as the service builds it: fresh picks for the scroll, completed by the caught-up ones. */
    private List<Pick> page(Viewer viewer, FeedSessions.Scroll scroll, int size) {
        List<Pick> fresh = scroll.caughtUp() ? List.of()
                : forYou.rank(viewer, scroll::served, scroll.lastCreator(), size, now);
        List<Pick> page = caughtUp.complete(fresh, viewer, scroll, size, now);
        scroll.add(page);
        return page;
    }

    @Test
    void aViewerWhoWatchedEverythingGetsWhatTheySawLeastRecentlyFirstMarkedAsCaughtUp() {
        // watched in this order, v1x2 last and v0x0 watched again after all others
        List<String> order = new ArrayList<>(all);
        order.remove("v0x0");
        order.add("v0x0");
        for (int i = 0; i < order.size(); i++) {
            model.watched("u:me", order.get(i), now.minusSeconds(600 - i));
        }

        List<Pick> page = page(Viewer.user("me"), new FeedSessions.Scroll("visit"), 4);

        assertThat(page).extracting(Pick::videoId).containsExactly("v0x1", "v1x0", "v0x2", "v1x1");
        assertThat(page).allMatch(p -> p.reason().kind() == Reason.Kind.REWATCH && p.reason().caughtUp());
        assertThat(page.get(0).reason().code()).isEqualTo("rewatch");
    }

    @Test
    void freshPicksComeFirstThenCaughtUpOnesAndTheScrollStaysCaughtUp() {
        all.stream().filter(id -> !id.equals("v0x0")).forEach(id -> model.watched("u:me", id, now.minusSeconds(60)));
        FeedSessions.Scroll scroll = new FeedSessions.Scroll("visit");

        List<Pick> first = page(Viewer.user("me"), scroll, 3);

        assertThat(first.get(0).videoId()).isEqualTo("v0x0");
        assertThat(first.get(0).reason().caughtUp()).isFalse();
        assertThat(first.subList(1, 3)).allMatch(p -> p.reason().kind() == Reason.Kind.REWATCH);
        assertThat(scroll.caughtUp()).isTrue();
    }

    @Test
    void withNothingWatchedTheCaughtUpPartIsWhatIsPopularAndTheFeedCyclesWithoutRepeatingWithinAPage() {
        Viewer anonymous = Viewer.anonymous("abcdefgh");
        FeedSessions.Scroll scroll = new FeedSessions.Scroll("visit");
        List<String> fresh = new ArrayList<>();
        List<Pick> caught = new ArrayList<>();
        for (int p = 0; p < 12; p++) {
            List<Pick> page = page(anonymous, scroll, 5);
            assertThat(page).as("page %d", p).hasSize(5);
            assertThat(new HashSet<>(page.stream().map(Pick::videoId).toList())).as("page %d", p).hasSize(5);
            for (Pick pick : page) {
                if (pick.reason().caughtUp()) {
                    caught.add(pick);
                } else {
                    assertThat(caught).as("a fresh video after caught-up ones").isEmpty();
                    fresh.add(pick.videoId());
                }
            }
        }
        assertThat(fresh).as("every video fresh once, before any caught-up one").hasSameElementsAs(all)
                .hasSize(all.size());
        assertThat(caught).hasSize(60 - all.size()).allMatch(p -> p.reason().kind() == Reason.Kind.CAUGHT_UP);
        assertThat(caught.get(0).videoId()).as("the popular one first").isEqualTo("v2x3");
        assertThat(caught.get(0).reason().text(null)).isEqualTo("You're all caught up — here's what's popular");
        for (String id : all) { // four cycles' worth: every video comes back, none far more often than others
            assertThat(caught.stream().filter(p -> p.videoId().equals(id)).count()).as(id).isBetween(2L, 5L);
        }
    }

    @Test
    void aCommunityOfOneCreatorStillFillsEveryPage() {
        model = new FeedModel(FeedSettings.defaults(), now.minus(Duration.ofDays(30)));
        forYou = new ForYou(model);
        caughtUp = new CaughtUp(model);
        for (int v = 0; v < 3; v++) {
            model.shelf().list(new Listing("solo" + v, "c0", List.of(), old.plusSeconds(v)));
        }
        model.shelf().refresh(now);
        FeedSessions.Scroll scroll = new FeedSessions.Scroll("visit");
        Set<String> seenInFeed = new HashSet<>();
        for (int p = 0; p < 4; p++) {
            List<Pick> page = page(Viewer.anonymous("abcdefgh"), scroll, 2);
            assertThat(page).as("page %d", p).hasSize(2);
            assertThat(page.get(0).videoId()).isNotEqualTo(page.get(1).videoId());
            page.forEach(pick -> seenInFeed.add(pick.videoId()));
        }
        assertThat(seenInFeed).containsExactlyInAnyOrder("solo0", "solo1", "solo2");
    }

    @Test
    void caughtUpItemsLeaveOutBlockedCreatorsAndUnlistedVideosAndNothingListedMeansAnEmptyPage() {
        all.forEach(id -> model.watched("u:me", id, now.minusSeconds(60)));
        model.graph().block("me", "c1");
        model.shelf().unlist("v0x0");
        FeedSessions.Scroll scroll = new FeedSessions.Scroll("visit");
        for (int p = 0; p < 4; p++) {
            assertThat(page(Viewer.user("me"), scroll, 5)).hasSize(5)
                    .noneMatch(pick -> pick.creatorId().equals("c1") || pick.videoId().equals("v0x0"));
        }
        all.forEach(model.shelf()::unlist);
        model.shelf().refresh(now);
        assertThat(page(Viewer.user("me"), new FeedSessions.Scroll("other"), 5)).isEmpty();
    }
}
