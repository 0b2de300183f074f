package io.clipfeed.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import io.clipfeed.IntegrationTestBase;
import io.clipfeed.TestUsers;

import tools.jackson.databind.JsonNode;

/**
 * For You never runs dry: only watched videos count as seen, and a viewer who watched everything gets what they
 * watched least recently, marked as caught up, page after page.
 */
class FeedCaughtUpIT extends IntegrationTestBase {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    FeedFixture feed;

    @BeforeEach
    void fixture() {
        feed = new FeedFixture(port, catalog, events, tx);
    }

    /** Nine videos of three creators, in an order that never puts one creator twice in a row. */
    private List<String> publishNine() {
        List<String> creators = List.of(TestUsers.register(port).userId(), TestUsers.register(port).userId(),
                TestUsers.register(port).userId());
        List<String> ids = new ArrayList<>();
        for (int v = 0; v < 9; v++) {
            ids.add(feed.publish(creators.get(v % 3), "caught up " + v, "").id());
        }
        return ids;
    }

    @Test
    void aViewerWhoWatchedEverythingStillGetsItemsMarkedCaughtUpLeastRecentlyWatchedFirst() throws Exception {
        TestUsers.Session viewer = TestUsers.register(port);
        List<String> mine = publishNine();
        String path = "/api/v1/feed/for-you?limit=5";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(FeedFixture.ids(
                feed.fresh(path, viewer.bearer(), 400))).containsAll(mine));

        // the viewer watches everything listed: the others first, then the nine in a known order
        List<String> watchOrder = new ArrayList<>(mine.subList(3, 9));
        watchOrder.addAll(mine.subList(0, 3));
        Set<String> others = new HashSet<>(FeedFixture.ids(feed.fresh(path, viewer.bearer(), 400)));
        others.removeAll(mine);
        others.forEach(id -> feed.watch("w" + TestUsers.randomHex(8), id, viewer.bearer()));
        for (String id : watchOrder) {
            Thread.sleep(20); // distinct times
            feed.watch("w" + TestUsers.randomHex(8), id, viewer.bearer());
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(feed.get(path, viewer.bearer())
                .get("items").valueStream().toList()).isNotEmpty().allMatch(FeedFixture::caughtUp));

        // a new visit: nothing fresh, yet the feed goes on, cycling; within a page nothing repeats
        List<String> served = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 40 && !served.containsAll(mine); page++) {
            JsonNode body = feed.get(path + (cursor == null ? "" : "&cursor=" + cursor), viewer.bearer());
            List<JsonNode> items = body.get("items").valueStream().toList();
            assertThat(items).as("page %d", page).isNotEmpty()
                    .allMatch(i -> i.get("reasonKind").asString().equals("rewatch"))
                    .allMatch(i -> i.get("reason").asString().equals("You're all caught up — watch it again"));
            assertThat(new HashSet<>(FeedFixture.ids(items))).hasSameSizeAs(items);
            served.addAll(FeedFixture.ids(items));
            cursor = body.get("nextCursor").asString();
        }
        assertThat(served.stream().filter(mine::contains).distinct().toList())
                .as("watched least recently first").containsExactlyElementsOf(watchOrder);
        // and past the end of what was listed it starts over
        for (int page = 0; page < 3 * (served.size() / 5 + 1); page++) {
            JsonNode body = feed.get(path + "&cursor=" + cursor, viewer.bearer());
            assertThat(body.get("items")).isNotEmpty();
            cursor = body.get("nextCursor").asString();
        }
    }

    @Test
    void videosServedButNeverWatchedComeBackAsFreshOnTheNextVisit() {
        List<String> mine = publishNine();
        String session = "s" + TestUsers.randomHex(8);
        String path = "/api/v1/feed/for-you?limit=4&session=" + session;
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(FeedFixture.ids(
                feed.fresh("/api/v1/feed/for-you?limit=50&session=x" + session, null, 400))).containsAll(mine));

        List<String> firstVisit = FeedFixture.ids(feed.get(path, null).get("items").valueStream().toList());
        assertThat(firstVisit).hasSize(4);
        // the player reports the anonymous viewer's watch under their feed session
        feed.watch(session, firstVisit.get(0), null);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(FeedFixture.ids(
                feed.fresh(path, null, 400))).doesNotContain(firstVisit.get(0))
                .containsAll(firstVisit.subList(1, 4)));
    }
}
