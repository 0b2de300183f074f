package io.clipfeed.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
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
import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoEdit;
import io.clipfeed.catalog.VideoStatus;
import io.clipfeed.catalog.Visibility;
import io.clipfeed.social.UserBlocked;
import io.clipfeed.social.UserFollowed;
import io.clipfeed.social.VideoLiked;

import tools.jackson.databind.JsonNode;

class FeedIT extends IntegrationTestBase {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    FeedFixture feed;

    @BeforeEach
    void fixture() {
        feed = new FeedFixture(port, catalog, events, tx);
    }

    @Test
    void forYouPagesNeverRepeatAVideoNorShowOneCreatorTwiceInARow() {
        String tag = "t" + TestUsers.randomHex(5);
        Set<String> ours = new HashSet<>();
        for (int c = 0; c < 3; c++) {
            String creator = TestUsers.register(port).userId();
            for (int v = 0; v < 5; v++) {
                ours.add(feed.publish(creator, "clip " + v, "#" + tag).id());
            }
        }
        String session = "s" + TestUsers.randomHex(8);
        // For You's lists have taken up all fifteen (the suite's other videos alone would make any count)
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(FeedFixture.ids(feed.fresh(
                "/api/v1/feed/for-you?limit=50&session=" + session + "x", null, 40))).containsAll(ours));

        List<JsonNode> items = feed.fresh("/api/v1/feed/for-you?limit=4&session=" + session, null, 500);
        List<String> ids = FeedFixture.ids(items);
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        for (int i = 1; i < items.size(); i++) {
            if (creator(items.get(i)).equals(creator(items.get(i - 1)))) {
                // only when nothing else fresh was left: the rest is that creator's, rather than a feed run dry
                String only = creator(items.get(i));
                assertThat(items.subList(i, items.size())).as("item %d", i).allMatch(it -> creator(it).equals(only));
            }
        }
        // the suite shares one database: other tests' new videos may come first, so look at the first of ours
        JsonNode first = items.stream().filter(it -> ours.contains(it.get("video").get("id").asString()))
                .findFirst().orElseThrow();
        assertThat(first.get("play").get("mp4Url").asString()).contains("/media/");
        assertThat(first.get("reason").asString()).isNotBlank();
        assertThat(first.get("video").get("creator").get("username").asString()).startsWith("t_");
        assertThat(first.get("video").get("counts").get("likes").isNumber()).isTrue();
        // served, not watched: a new scroll for the same session starts with what it was served again
        List<JsonNode> again = feed.get("/api/v1/feed/for-you?session=" + session, null).get("items")
                .valueStream().toList();
        assertThat(FeedFixture.ids(again)).isNotEmpty().isSubsetOf(ids);
        assertThat(again).noneMatch(FeedFixture::caughtUp);
        assertThat(feed.get("/api/v1/feed/for-you?limit=2&maxHeight=360&codecs=avc1&session=" + session + "y", null)
                .get("items")).hasSize(2);
        assertThat(feed.get("/api/v1/feed/for-you?limit=ten", null, 400).get("detail").asString())
                .isEqualTo("limit must be a whole number.");
        feed.get("/api/v1/feed/for-you?limit=0", null, 400);
        feed.get("/api/v1/feed/trending?maxHeight=tall", null, 400);
        feed.get("/api/v1/feed/for-you?session=short", null, 400);
    }

    @Test
    void privateRemovedAndBlockedVideosNeverShowAnywhere() {
        TestUsers.Session viewer = TestUsers.register(port);
        String word = "zorbly" + TestUsers.randomHex(3).replaceAll("[0-9]", "q");
        String tag = "t" + TestUsers.randomHex(5);
        String description = word + " #" + tag;
        String creator = TestUsers.register(port).userId();
        String blocked = TestUsers.register(port).userId();
        String blocker = TestUsers.register(port).userId();
        Video shown = feed.publish(creator, "shown", description);
        Video madePrivate = feed.publish(creator, "private later", description);
        Video removed = feed.publish(creator, "removed later", description);
        Video ofBlocked = feed.publish(blocked, "by a user the viewer blocked", description);
        Video ofBlocker = feed.publish(blocker, "by a user who blocked the viewer", description);
        catalog.edit(madePrivate.id(), new VideoEdit(null, null, Visibility.PRIVATE));
        catalog.transition(removed.id(), VideoStatus.DELETED, "creator deleted it");
        feed.publishEvent(new UserBlocked(viewer.userId(), blocked, Instant.now()));
        feed.publishEvent(new UserBlocked(blocker, viewer.userId(), Instant.now()));
        Set<String> hidden = Set.of(madePrivate.id(), removed.id(), ofBlocked.id(), ofBlocker.id());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(FeedFixture.ids(feed.all(
                "/api/v1/search?q=" + word, viewer.bearer(), 5))).containsExactly(shown.id()));
        // the hashtag shelf follows the same events through its own listener: eventually, like the index
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(FeedFixture.ids(feed.all(
                "/api/v1/feed/hashtags/" + tag, viewer.bearer(), 5))).containsExactly(shown.id()));
        // the precomputed lists pick up a new video at their next refresh (clipfeed.feed.refresh-interval)
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(FeedFixture.ids(
                feed.all("/api/v1/feed/for-you?limit=50", viewer.bearer(), 200)))
                .contains(shown.id()).doesNotContainAnyElementsOf(hidden));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(FeedFixture.ids(
                feed.all("/api/v1/feed/trending?limit=50", viewer.bearer(), 200)))
                .contains(shown.id()).doesNotContainAnyElementsOf(hidden));
        // anonymous viewers are blocked by nobody, but private and removed videos stay out
        assertThat(FeedFixture.ids(feed.all("/api/v1/search?q=" + word, null, 5)))
                .contains(shown.id(), ofBlocked.id(), ofBlocker.id()).doesNotContain(madePrivate.id(), removed.id());
    }

    @Test
    void followingFeedShowsFollowedCreatorsNewestFirstPageByPage() {
        TestUsers.Session viewer = TestUsers.register(port);
        TestUsers.Session ana = TestUsers.register(port);
        String bob = TestUsers.register(port).userId();
        String stranger = TestUsers.register(port).userId();
        feed.publishEvent(new UserFollowed(viewer.userId(), ana.userId(), Instant.now()));
        feed.publishEvent(new UserFollowed(viewer.userId(), bob, Instant.now()));
        Video a1 = feed.publish(ana.userId(), "a1", "");
        Video b1 = feed.publish(bob, "b1", "");
        feed.publish(stranger, "s1", "");
        Video a2 = feed.publish(ana.userId(), "a2", "");
        Video b2 = feed.publish(bob, "b2", "");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(FeedFixture.ids(feed.all(
                "/api/v1/feed/following?limit=3", viewer.bearer(), 5)))
                .containsExactly(b2.id(), a2.id(), b1.id(), a1.id()));
        JsonNode first = feed.get("/api/v1/feed/following?limit=3", viewer.bearer());
        assertThat(first.get("items")).hasSize(3);
        assertThat(first.get("items").get(1).get("reason").asString()).isEqualTo("New from @" + ana.username());
        feed.get("/api/v1/feed/following", null, 401);
        feed.get("/api/v1/feed/following?cursor=not-ours", viewer.bearer(), 400);
    }

    @Test
    void searchFindsAVideoByAMisspelledWordAndByItsCreatorsName() {
        TestUsers.Session creator = TestUsers.register(port);
        String word = "kayakmarathon" + TestUsers.randomHex(2).replaceAll("[0-9]", "x");
        Video video = feed.publish(creator.userId(), "Sunrise " + word, "down the river");
        String typo = word.substring(0, 3) + "e" + word.substring(4); // one letter wrong ("kayek...")

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(FeedFixture.ids(feed.all(
                "/api/v1/search?q=" + typo, null, 3))).contains(video.id()));
        assertThat(FeedFixture.ids(feed.all("/api/v1/search?q=" + creator.username() + "+river", null, 3)))
                .contains(video.id());
        assertThat(feed.get("/api/v1/search?q=" + typo, null).get("items").get(0).get("reason").asString())
                .isEqualTo("Matches your search");
        feed.get("/api/v1/search?q=", null, 400);
    }

    @Test
    void forYouLearnsFromLikesAndSaysWhy() {
        TestUsers.Session viewer = TestUsers.register(port);
        String tag = "t" + TestUsers.randomHex(5);
        for (int c = 0; c < 3; c++) {
            String creator = TestUsers.register(port).userId();
            for (int v = 0; v < 3; v++) {
                Video video = feed.publish(creator, "liked kind " + v, "#" + tag);
                if (v == 0) {
                    feed.publishEvent(new VideoLiked(video.id(), viewer.userId(), creator, Instant.now()));
                }
            }
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(feed.get(
                "/api/v1/feed/for-you?limit=3", viewer.bearer()).get("items").valueStream()
                .map(i -> i.get("reason").asString()).toList()).contains("Because you liked #" + tag));
    }

    private static String creator(JsonNode item) {
        return item.get("video").get("creator").get("id").asString();
    }
}
