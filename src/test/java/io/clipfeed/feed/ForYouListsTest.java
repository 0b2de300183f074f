package io.clipfeed.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ForYouListsTest {

    final Instant now = Instant.parse("2026-11-01T12:00:00Z");
    final Instant old = now.minus(Duration.ofDays(10));
    FeedModel model;
    ForYouLists lists;
    /** Rankings asked for and not run yet: the background thread, run by hand. */
    final Queue<Runnable> background = new ArrayDeque<>();

    @BeforeEach
    void world() {
        model = new FeedModel(FeedSettings.defaults(), now.minus(Duration.ofDays(30)));
        lists = new ForYouLists(model, new ForYou(model), Clock.fixed(now, ZoneOffset.UTC), background::add);
        for (int c = 0; c < 6; c++) {
            for (int v = 0; v < 10; v++) {
                model.shelf().list(new Listing("v" + c + "x" + v, "c" + c, List.of(c % 2 == 0 ? "cats" : "dogs"),
                        old.plusSeconds(c * 100 + v)));
            }
        }
        for (int v = 0; v < 10; v++) {
            model.record(new Interaction("u:fan", "v0x" + v, Signal.LIKE, old.plusSeconds(1000)));
        }
        for (int v = 0; v < 3; v++) {
            model.record(new Interaction("u:me", "v1x" + v, Signal.LIKE, now.minusSeconds(60)));
        }
        model.shelf().refresh(now);
    }

    @AfterEach
    void stop() {
        lists.close();
    }

    @Test
    void whileTheLogIsStillLoadingEveryoneGetsTheSharedNonPersonalFeed() {
        List<Pick> page = lists.page(Viewer.user("me"), id -> false, null, 10, now);
        assertThat(page).hasSize(10).noneMatch(p -> p.reason().kind() == Reason.Kind.LIKED_TAG
                || p.reason().kind() == Reason.Kind.SIMILAR);

        model.markReady();
        lists.page(Viewer.user("me"), id -> false, null, 10, now);
        runBackground();
        assertThat(lists.page(Viewer.user("me"), id -> false, null, 10, now))
                .anyMatch(p -> p.reason().text(null).equals("Because you liked #dogs"));
    }

    @Test
    void aFirstRequestIsServedAtOnceFromTheSharedListAndTheViewersOwnListIsRankedInTheBackground() {
        model.markReady();
        model.graph().block("me", "c4");
        Set<String> served = new HashSet<>();
        List<Pick> first = lists.page(Viewer.user("me"), served::contains, null, 5, now);
        assertThat(first).hasSize(5).noneMatch(p -> p.reason().kind() == Reason.Kind.LIKED_TAG
                || p.reason().kind() == Reason.Kind.SIMILAR).noneMatch(p -> p.creatorId().equals("c4"));
        assertThat(background).as("one ranking asked for, not run on the request").hasSize(1);
        first.forEach(p -> served.add(p.videoId()));
        model.served(List.copyOf(served));

        List<Pick> second = lists.page(Viewer.user("me"), served::contains, first.get(4).creatorId(), 5, now);
        assertThat(background).as("no second ranking while one is pending").hasSize(1);
        assertThat(second.get(0).creatorId()).isNotEqualTo(first.get(4).creatorId());
        second.forEach(p -> assertThat(served.add(p.videoId())).as("repeated " + p.videoId()).isTrue());
        model.served(List.copyOf(served));

        runBackground();
        List<Pick> own = lists.page(Viewer.user("me"), served::contains, second.get(4).creatorId(), 10, now);
        assertThat(own).anyMatch(p -> p.reason().text(null).equals("Because you liked #dogs"))
                .noneMatch(p -> served.contains(p.videoId()) || p.creatorId().equals("c4"));
        assertThat(own.get(0).creatorId()).isNotEqualTo(second.get(4).creatorId());
    }

    @Test
    void aViewerWhoUsesUpAListQuicklyGetsALongerOneSoTheyAreRankedLessOften() {
        FeedModel big = new FeedModel(FeedSettings.defaults(), now.minus(Duration.ofDays(30)));
        for (int c = 0; c < 100; c++) {
            for (int v = 0; v < 10; v++) {
                big.shelf().list(new Listing("b" + c + "x" + v, "k" + c, List.of("t" + (c % 4)),
                        old.plusSeconds(c * 100 + v)));
            }
        }
        for (int u = 0; u < 50; u++) {
            for (int v = 0; v < 1000; v += 7 + u % 5) {
                big.record(new Interaction("u:fan" + u, "b" + (v / 10) + "x" + (v % 10), Signal.LIKE,
                        old.plusSeconds(2000 + v)));
            }
        }
        big.record(new Interaction("u:me", "b1x1", Signal.LIKE, now.minusSeconds(60)));
        big.shelf().refresh(now);
        big.markReady();
        ForYouLists active = new ForYouLists(big, new ForYou(big), Clock.fixed(now, ZoneOffset.UTC), background::add);
        Instant later = now.plusSeconds(10); // past the pause between re-rankings of a list that ran low
        Set<String> served = new HashSet<>();
        active.page(Viewer.user("me"), served::contains, null, 10, later); // the shared list, own one asked for
        runBackground();

        int first = servedUntilARankingIsAsked(big, active, served, later);
        runBackground();
        int second = servedUntilARankingIsAsked(big, active, served, later);

        assertThat(first).as("a first list of " + ForYouLists.KEEP).isBetween(ForYouLists.KEEP - ForYouLists.LOW
                - 10, ForYouLists.KEEP);
        assertThat(second).as("the next one is longer").isGreaterThan(ForYouLists.KEEP);
        active.close();
    }

    /** Pages of ten until the list runs low and a ranking is asked for: how many items were served. */
    private int servedUntilARankingIsAsked(FeedModel m, ForYouLists l, Set<String> served, Instant at) {
        int count = 0;
        while (background.isEmpty() && count < 2000) {
            List<Pick> page = l.page(Viewer.user("me"), served::contains, null, 10, at);
            page.forEach(p -> served.add(p.videoId()));
            m.served(page.stream().map(Pick::videoId).toList());
            count += page.size();
        }
        return count;
    }

    private void runBackground() {
        for (Runnable task; (task = background.poll()) != null;) {
            task.run();
        }
    }

    @Test
    void pagesFromAKeptListStillLeaveOutBlockedUnlistedServedAndSeenVideos() {
        model.markReady();
        lists.page(Viewer.user("me"), id -> false, null, 10, now); // asks for the viewer's own list
        runBackground();
        List<Pick> first = lists.page(Viewer.user("me"), id -> false, null, 10, now); // from the kept list
        String unlisted = first.get(0).videoId();
        String blockedCreator = first.get(1).creatorId();
        model.shelf().unlist(unlisted);
        model.graph().block("me", blockedCreator);
        Set<String> served = new HashSet<>();
        for (int page = 0; page < 4; page++) {
            List<Pick> picks = lists.page(Viewer.user("me"), served::contains, null, 10, now);
            assertThat(picks).isNotEmpty().noneMatch(p -> p.videoId().equals(unlisted)
                    || p.creatorId().equals(blockedCreator));
            picks.forEach(p -> assertThat(served.add(p.videoId())).as("repeated " + p.videoId()).isTrue());
        }
        // watched, not only served: only watching makes a video seen
        served.forEach(id -> model.watched("u:me", id, now));
        assertThat(lists.page(Viewer.user("me"), id -> false, null, 10, now))
                .noneMatch(p -> served.contains(p.videoId()));
    }

    @Test
    void aNewScrollReadsTheKeptListFromItsTopSoServedButUnwatchedVideosComeBack() {
        model.markReady();
        lists.page(Viewer.user("me"), id -> false, null, 10, now); // asks for the viewer's own list
        runBackground();
        Set<String> served = new HashSet<>();
        ForYouLists.Position visit = new ForYouLists.Position();
        List<Pick> first = List.of();
        for (int page = 0; page < 3; page++) {
            List<Pick> picks = lists.page(Viewer.user("me"), served::contains, null, 10, now, visit);
            first = page == 0 ? picks : first;
            picks.forEach(p -> assertThat(served.add(p.videoId())).as("repeated " + p.videoId()).isTrue());
        }
        model.served(List.copyOf(served));
        model.watched("u:me", first.get(0).videoId(), now);

        List<Pick> next = lists.page(Viewer.user("me"), id -> false, null, 10, now, new ForYouLists.Position());
        assertThat(next).extracting(Pick::videoId).doesNotContain(first.get(0).videoId())
                .containsAnyElementsOf(first.stream().skip(1).map(Pick::videoId).toList());
    }
}
