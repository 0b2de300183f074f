package io.clipfeed.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import io.clipfeed.IntegrationTestBase;
import io.clipfeed.TestUsers;
import io.clipfeed.catalog.Rendition;
import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoEdit;
import io.clipfeed.catalog.VideoStatus;
import io.clipfeed.catalog.Visibility;
import io.clipfeed.delivery.PlayInfo;
import io.clipfeed.delivery.PlaybackHints;

/**
 * The feed's card cache: entries live for minutes, so only catalog's events keep a video that stopped being listed
 * out of feeds — the test allows far less time than an entry's lifetime — and cached signed links must still be
 * valid for most of their lifetime when served.
 */
class FeedCardsIT extends IntegrationTestBase {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Cards cards;
    @Autowired
    FeedModel model;
    FeedFixture feed;

    @BeforeEach
    void fixture() {
        feed = new FeedFixture(port, catalog, events, tx);
    }

    @Test
    void aCachedCardIsDroppedAtOnceWhenItsVideoIsMadePrivateDeletedOrRejected() {
        String creator = TestUsers.register(port).userId();
        Video madePrivate = feed.publish(creator, "private later", "");
        Video deleted = feed.publish(creator, "deleted later", "");
        Video rejected = feed.publish(creator, "rejected later", "");
        Video kept = feed.publish(creator, "stays", "");
        Map<Video, Pick> picks = Map.of(madePrivate, pick(madePrivate), deleted, pick(deleted), rejected,
                pick(rejected), kept, pick(kept));
        picks.values().forEach(p -> assertThat(cards.item(p, PlaybackHints.DEFAULT)).as(p.videoId()).isPresent());

        catalog.edit(madePrivate.id(), new VideoEdit(null, null, Visibility.PRIVATE));
        catalog.transition(deleted.id(), VideoStatus.DELETED, "creator deleted it");
        catalog.transition(rejected.id(), VideoStatus.REJECTED, "breaks the rules");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            for (Video gone : List.of(madePrivate, deleted, rejected)) {
                assertThat(cards.item(picks.get(gone), PlaybackHints.DEFAULT)).as(gone.title()).isEmpty();
                assertThat(model.shelf().isListed(gone.id())).as(gone.title()).isFalse();
            }
        });
        assertThat(cards.item(picks.get(kept), PlaybackHints.DEFAULT)).isPresent();
    }

    @Test
    void aCachedCardPlaysTheNewRungsAsSoonAsTheLadderLands() {
        String creator = TestUsers.register(port).userId();
        Video video = feed.publish(creator, "ladder lands later", "");
        // the publication's own listener (which also drops the card) has run once the video is listed
        await().atMost(Duration.ofSeconds(5)).until(() -> model.shelf().isListed(video.id()));
        Pick pick = pick(video);
        PlayInfo before = cards.item(pick, PlaybackHints.DEFAULT).orElseThrow().play();
        assertThat(before.hlsUrl()).as("only the first playable rung so far").isNull();
        assertThat(before.alternates()).isEmpty();

        String hlsKey = TestUsers.randomHex(32);
        catalog.recordRenditions(video.id(), List.of(
                new Rendition(null, "mp4", "avc1.64001e", 360, 640, 600_000, 200_000, TestUsers.randomHex(32), 0.97,
                        40.0, 30_000L),
                new Rendition(null, "hls", "avc1.64001f,avc1.64001e", 540, 960, 1_000_000, 2_000, hlsKey, null, null,
                        null)), List.of(hlsKey));

        // RenditionsReady rebuilds the card: seconds, where the entry's own lifetime is Cards.LONGEST (minutes)
        assertThat(Cards.LONGEST).isGreaterThan(Duration.ofSeconds(60));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            PlayInfo after = cards.item(pick, PlaybackHints.DEFAULT).orElseThrow().play();
            assertThat(after.hlsUrl()).as("the ladder's HLS package").isNotNull();
            assertThat(after.alternates()).extracting(PlayInfo.Alternate::height).contains(640);
        });
    }

    @Test
    void aCachedPlayInfoIsValidForAtLeastHalfOfTheUrlLifetimeForAnyHints() {
        Video video = feed.publish(TestUsers.register(port).userId(), "cached", "");
        Instant before = Instant.now();
        PlayInfo first = cards.item(pick(video), PlaybackHints.DEFAULT).orElseThrow().play();
        PlayInfo again = cards.item(pick(video), PlaybackHints.DEFAULT).orElseThrow().play();

        assertThat(again.mp4Url()).isEqualTo(first.mp4Url()).contains("/media/");
        // clipfeed.delivery.url-ttl is 6 h by default; an entry is dropped before half of that has passed
        assertThat(again.expiresAt()).isAfter(before.plus(Duration.ofHours(3)));
        PlaybackHints lowData = PlaybackHints.parse("avc1", 360, "2g", "on");
        assertThat(cards.item(pick(video), lowData)).isPresent();
    }

    @Test
    void aPageOfUncachedCardsIsReadTogetherInThePicksOrderWithoutVideosNoLongerListed() {
        String creator = TestUsers.register(port).userId();
        String other = TestUsers.register(port).userId();
        Video first = feed.publish(creator, "first #one", "#one");
        Video hidden = feed.publish(other, "hidden", "");
        Video third = feed.publish(other, "third", "");
        Video fourth = feed.publish(creator, "fourth", "");
        catalog.edit(hidden.id(), new VideoEdit(null, null, Visibility.PRIVATE));
        like(first, TestUsers.register(port));
        like(first, TestUsers.register(port));
        List<Pick> page = List.of(pick(fourth), pick(hidden), pick(first), pick(third));
        page.forEach(p -> cards.forget(p.videoId())); // as if they had never been shown

        List<FeedItem> items = cards.items(page, PlaybackHints.DEFAULT);

        assertThat(items).extracting(i -> i.video().id()).containsExactly(fourth.id(), first.id(), third.id());
        FeedItem one = items.get(1);
        assertThat(one.video().title()).isEqualTo("first #one");
        assertThat(one.video().hashtags()).containsExactly("one");
        assertThat(one.video().creator().id()).isEqualTo(creator);
        assertThat(one.video().counts().likes()).isEqualTo(2);
        assertThat(items.get(2).video().counts().likes()).isZero();
        assertThat(one.play().mp4Url()).contains("/media/v/" + first.id() + "/");
        assertThat(cards.items(List.of(pick(first)), PlaybackHints.DEFAULT)).extracting(i -> i.play().mp4Url())
                .containsExactly(one.play().mp4Url());
        assertThat(catalog.findAll(List.of(first.id(), "not-an-id", hidden.id(), first.id())))
                .extracting(Video::id).containsExactlyInAnyOrder(first.id(), hidden.id());
    }

    private void like(Video video, TestUsers.Session viewer) {
        try {
            HttpResponse<Void> liked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/v1/videos/" + video.id() + "/like"))
                    .header("Authorization", viewer.bearer()).PUT(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(liked.statusCode()).isEqualTo(200);
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Pick pick(Video v) {
        return new Pick(ListingProjection.listing(v, v.createdAt()), Reason.of(Reason.Kind.TRENDING));
    }
}
