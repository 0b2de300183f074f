package io.clipfeed.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.clipfeed.IntegrationTestBase;
import io.clipfeed.TestUsers;

/** The lifecycle against the real database: validated moves, history, events, renditions and assets. */
@RecordApplicationEvents
class LifecycleIT extends IntegrationTestBase {

    @Autowired
    CatalogService catalog;
    @Autowired
    ApplicationEvents events;
    @Autowired
    VideoRows videoRows;
    @Autowired
    RenditionRows renditionRows;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    Clock clock;

    private final String source = TestUsers.randomHex(32);

    @Test
    void walksTheLifecycleRecordingHistoryAndPublishingEvents() {
        Video v = newVideo();
        assertThat(v.status()).isEqualTo(VideoStatus.UPLOADING);
        catalog.markUploaded(v.id(), source, 4096);
        assertThat(events.stream(VideoUploaded.class)).containsExactly(new VideoUploaded(v.id(), source));
        catalog.transition(v.id(), VideoStatus.PROCESSING, null);

        assertThatThrownBy(() -> catalog.transition(v.id(), VideoStatus.PLAYABLE, null))
                .as("nothing to play yet").isInstanceOf(IllegalStateException.class);
        catalog.recordRendition(v.id(), rendition(720, "key720"));
        Video published = catalog.transition(v.id(), VideoStatus.PLAYABLE, null);

        assertThat(published.status()).as("post-moderation publishes at once").isEqualTo(VideoStatus.PUBLISHED);
        assertThat(events.stream(VideoPlayable.class)).containsExactly(new VideoPlayable(v.id()));
        assertThat(events.stream(VideoPublished.class)).containsExactly(new VideoPublished(v.id()));
        assertThat(catalog.history(v.id())).extracting(StatusChange::to).containsExactly(VideoStatus.UPLOADING,
                VideoStatus.UPLOADED, VideoStatus.PROCESSING, VideoStatus.PLAYABLE, VideoStatus.PUBLISHED);
        assertThat(catalog.history(v.id()).get(1).from()).isEqualTo(VideoStatus.UPLOADING);
        assertThat(catalog.history(v.id()).get(4).reason()).contains("post-moderation");
        assertThat(published.statusReason()).as("nothing for viewers to read").isNull();
    }

    @Test
    void refusesIllegalMovesAndLeavesTheVideoAsItWas() {
        Video v = newVideo();
        assertThatThrownBy(() -> catalog.transition(v.id(), VideoStatus.PUBLISHED, null))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> catalog.transition(v.id(), VideoStatus.FAILED, null))
                .as("FAILED needs a reason").isInstanceOf(IllegalArgumentException.class);
        assertThat(catalog.find(v.id()).orElseThrow().status()).isEqualTo(VideoStatus.UPLOADING);
        assertThat(catalog.history(v.id())).hasSize(1);

        Video failed = catalog.transition(v.id(), VideoStatus.FAILED, "The upload was cut off.");
        assertThat(failed.statusReason()).isEqualTo("The upload was cut off.");
        assertThat(catalog.history(v.id()).get(1).reason()).isEqualTo("The upload was cut off.");
        assertThat(catalog.transition(v.id(), VideoStatus.FAILED, "again").status())
                .as("asking for the current status is a no-op").isEqualTo(VideoStatus.FAILED);
        assertThat(catalog.history(v.id())).hasSize(2);
    }

    @Test
    void deletionPublishesVideoRemovedWithEveryBlob() {
        Video v = newVideo();
        catalog.markUploaded(v.id(), source, 4096);
        catalog.transition(v.id(), VideoStatus.PROCESSING, null);
        catalog.recordRendition(v.id(), rendition(720, "r720"));
        catalog.recordCover(v.id(), "cover");
        catalog.recordAssets(v.id(), List.of("seg1", "seg2", "seg1"));
        catalog.recordAssets(v.id(), List.of("seg2", "playlist"));

        assertThat(catalog.hasAsset(v.id(), "seg2")).isTrue();
        assertThat(catalog.hasAsset(v.id(), "r720")).isTrue();
        assertThat(catalog.hasAsset(v.id(), source)).isTrue();
        assertThat(catalog.hasAsset(v.id(), "cover")).isTrue();
        assertThat(catalog.hasAsset(v.id(), "someone-elses")).isFalse();
        assertThat(catalog.hasAsset("../../etc", "seg2")).isFalse();

        catalog.transition(v.id(), VideoStatus.DELETED, "deleted by its creator");
        VideoRemoved removed = events.stream(VideoRemoved.class).findFirst().orElseThrow();
        assertThat(removed.sourceBlobKey()).isEqualTo(source);
        assertThat(removed.assetBlobKeys()).containsExactlyInAnyOrder("seg1", "seg2", "playlist", "r720", "cover");
    }

    @Test
    void recordingTheSameRenditionAgainReplacesIt() {
        Video v = newVideo();
        Rendition first = catalog.recordRendition(v.id(), rendition(720, "a"));
        Rendition again = catalog.recordRendition(v.id(), rendition(720, "b"));
        catalog.recordRendition(v.id(), rendition(360, "c"));
        List<Rendition> stored = catalog.find(v.id()).orElseThrow().renditions();
        assertThat(stored).extracting(Rendition::height).containsExactly(720, 360);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(stored.get(0).blobKey()).isEqualTo("b");
    }

    @Test
    void preModerationKeepsPlayableVideosUntilApproved() {
        CatalogService pre = new CatalogService(videoRows, renditionRows, new CatalogQueries(videoRows), publisher,
                new CatalogSettings(CatalogSettings.ModerationMode.PRE), clock);
        Video v = newVideo();
        pre.markUploaded(v.id(), source, 4096);
        pre.transition(v.id(), VideoStatus.PROCESSING, null);
        pre.recordRendition(v.id(), rendition(540, "k"));
        assertThat(pre.transition(v.id(), VideoStatus.PLAYABLE, null).status()).isEqualTo(VideoStatus.PLAYABLE);
        assertThat(events.stream(VideoPublished.class)).isEmpty();
        assertThat(pre.byStatus(VideoStatus.PLAYABLE, null, 50).items()).extracting(Video::id).contains(v.id());

        assertThat(pre.transition(v.id(), VideoStatus.PUBLISHED, null).status()).isEqualTo(VideoStatus.PUBLISHED);
        assertThat(events.stream(VideoPublished.class)).containsExactly(new VideoPublished(v.id()));
    }

    @Test
    void listsPublishedPublicVideosByHashtag() {
        String tag = "t" + TestUsers.randomHex(6);
        String creator = TestUsers.register(port).userId();
        Video listed = publish(catalog.create(new NewVideo(creator, "a", "#" + tag.toUpperCase(), Visibility.PUBLIC,
                null)));
        publish(catalog.create(new NewVideo(creator, "b", "#" + tag, Visibility.PRIVATE, null)));
        catalog.create(new NewVideo(creator, "c", "#" + tag, Visibility.PUBLIC, null));
        assertThat(catalog.byHashtag(tag, null, 10).items()).extracting(Video::id).containsExactly(listed.id());
    }

    private Video publish(Video v) {
        catalog.markUploaded(v.id(), TestUsers.randomHex(32), 1);
        catalog.transition(v.id(), VideoStatus.PROCESSING, null);
        catalog.recordRendition(v.id(), rendition(540, TestUsers.randomHex(32)));
        return catalog.transition(v.id(), VideoStatus.PLAYABLE, null);
    }

    @Test
    void creationBoundsTextAndFallsBackToTheFilename() {
        Video v = catalog.create(new NewVideo(TestUsers.register(port).userId(), null, "x".repeat(3000) + "\u0000",
                null, "../../My holiday.mp4"));
        assertThat(v.title()).isEqualTo("My holiday");
        assertThat(v.description()).hasSize(2200);
        assertThat(v.visibility()).isEqualTo(Visibility.PUBLIC);
    }

    private Video newVideo() {
        return catalog.create(new NewVideo(TestUsers.register(port).userId(), "t", "d #tag", Visibility.PUBLIC,
                "f.mp4"));
    }

    private static Rendition rendition(int height, String key) {
        return new Rendition(null, "mp4", "avc1.64001f", height * 9 / 16, height, 800_000, 1000, key, null, null,
                null);
    }
}
