package io.clipfeed.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ForYouTest {

    final Instant now = Instant.parse("2026-11-01T12:00:00Z");
    final Instant old = now.minus(Duration.ofDays(10));
    FeedModel model;
    ForYou forYou;

    @BeforeEach
    void world() {
        model = new FeedModel(FeedSettings.defaults(), now.minus(Duration.ofDays(30)));
        forYou = new ForYou(model);
        for (int c = 0; c < 6; c++) {
            for (int v = 0; v < 10; v++) {
                model.shelf().list(new Listing("v" + c + "x" + v, "c" + c, List.of(c % 2 == 0 ? "cats" : "dogs"),
                        old.plusSeconds(c * 100 + v)));
            }
        }
        for (int v = 0; v < 10; v++) { // creator c0's videos are the popular ones
            for (int viewer = 0; viewer < 5; viewer++) {
                model.record(new Interaction("u:fan" + viewer, "v0x" + v, Signal.PLAY, old.plusSeconds(1000)));
                model.record(new Interaction("u:fan" + viewer, "v0x" + v, Signal.LIKE, old.plusSeconds(1001)));
            }
        }
        model.shelf().refresh(now);
    }

    @Test
    void neverServesTwoConsecutiveVideosOfOneCreatorEvenWhenOneCreatorIsMostPopular() {
        List<Pick> page = forYou.rank(Viewer.anonymous(null), id -> false, null, 20, now);
        assertThat(page).hasSize(20);
        for (int i = 1; i < page.size(); i++) {
            assertThat(page.get(i).creatorId()).isNotEqualTo(page.get(i - 1).creatorId());
        }
        assertThat(forYou.rank(Viewer.anonymous(null), id -> false, "c0", 1, now).get(0).creatorId())
                .isNotEqualTo("c0");
    }

    @Test
    void leavesOutCreatorsTheViewerBlockedOrWasBlockedBy() {
        model.graph().block("me", "c0");
        model.graph().block("c1", "me");
        List<Pick> page = forYou.rank(Viewer.user("me"), id -> false, null, 40, now);
        assertThat(page).isNotEmpty().noneMatch(p -> p.creatorId().equals("c0") || p.creatorId().equals("c1"));
    }

    @Test
    void learnsTheViewersHashtagFromLikesAndSaysSo() {
        for (int v = 0; v < 3; v++) {
            model.record(new Interaction("u:me", "v1x" + v, Signal.LIKE, now.minusSeconds(60)));
        }
        List<Pick> page = forYou.rank(Viewer.user("me"), id -> false, null, 6, now);
        assertThat(page.stream().filter(p -> p.listing().hashtags().contains("dogs")).count()).isGreaterThan(3);
        assertThat(page).anyMatch(p -> p.reason().text(null).equals("Because you liked #dogs"));
    }

    @Test
    void givesNewUploadsExplorationSlotsUntilTheyHadTheirFirstAudience() {
        model.shelf().list(new Listing("fresh1", "newbie", List.of("birds"), now.minusSeconds(30)));
        model.shelf().refresh(now);
        List<Pick> page = forYou.rank(Viewer.anonymous(null), id -> false, null, 10, now);
        assertThat(page).anyMatch(p -> p.videoId().equals("fresh1") && p.reason().text("newbie")
                .equals("New from @newbie"));
        for (int i = 0; i < FeedSettings.defaults().explorationTarget(); i++) {
            model.served(List.of("fresh1"));
        }
        model.shelf().refresh(now);
        assertThat(model.shelf().snapshot().fresh()).doesNotContain("fresh1");
    }

    @Test
    void skipsWhatTheViewerWatchedRecentlyAndWhatTheirScrollServed() {
        model.record(new Interaction("s:abcdefgh", "v0x0", Signal.PLAY, now.minusSeconds(10)));
        Set<String> shown = new HashSet<>();
        for (int page = 0; page < 6; page++) {
            List<Pick> picks = forYou.rank(Viewer.anonymous("abcdefgh"), shown::contains, null, 10, now);
            model.served(picks.stream().map(Pick::videoId).toList());
            picks.forEach(p -> assertThat(shown.add(p.videoId())).as("repeated " + p.videoId()).isTrue());
        }
        assertThat(shown).doesNotContain("v0x0").hasSizeGreaterThan(50);
    }

    @Test
    void aVideoServedButNeverWatchedIsStillFreshOnTheNextVisit() {
        List<Pick> first = forYou.rank(Viewer.anonymous("abcdefgh"), id -> false, null, 6, now);
        model.served(first.stream().map(Pick::videoId).toList());
        model.watched("s:abcdefgh", first.get(0).videoId(), now);

        List<Pick> again = forYou.rank(Viewer.anonymous("abcdefgh"), id -> false, null, 6, now);
        assertThat(again).extracting(Pick::videoId).doesNotContain(first.get(0).videoId())
                .containsAll(first.stream().skip(1).map(Pick::videoId).toList());
    }

    @Test
    void unlistedVideosDisappearAtOnceEvenBeforeTheListsAreRebuilt() {
        String top = forYou.rank(Viewer.anonymous(null), id -> false, null, 1, now).get(0).videoId();
        model.shelf().unlist(top);
        assertThat(forYou.rank(Viewer.anonymous(null), id -> false, null, 59, now)).noneMatch(p -> p.videoId()
                .equals(top));
    }
}
