package io.clipfeed.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.clipfeed.IntegrationTestBase;
import io.clipfeed.catalog.NewVideo;
import io.clipfeed.catalog.Rendition;
import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoStatus;
import io.clipfeed.catalog.Visibility;
import io.clipfeed.platform.Role;
import io.clipfeed.storage.Blob;
import io.clipfeed.storage.BlobKey;

/**
 * Upload complete → the real app's media jobs → PLAYABLE at once → ladder, HLS and cover recorded in catalog. With
 * production's effort budget (the other integration tests turn the quality search off), so a short clip's rungs
 * go through the whole-rung search as they do for a creator.
 */
// More job threads than the steps of these tests ever need at once: a step is then always picked at once by this
// context, never by the poll of another cached test context (which turns the quality search off).
@org.springframework.test.context.TestPropertySource(properties = {"clipfeed.media.effort-budget=30s",
        "clipfeed.jobs.threads=6"})
class MediaPipelineIT extends IntegrationTestBase {

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    private String upload(Path file, String name) throws Exception {
        String creator = accounts.ensure("m_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12), "pw-" + UUID.randomUUID(),
                Set.of(Role.USER)).id();
        Video video = catalog.create(new NewVideo(creator, name, "", Visibility.PUBLIC, name));
        Blob blob = blobs.put(file, "video/mp4");
        catalog.markUploaded(video.id(), blob.key().sha256(), blob.size());
        return video.id();
    }

    private Video await(String videoId, Predicate<Video> condition, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        Video video = catalog.find(videoId).orElseThrow();
        while (!condition.test(video) && System.nanoTime() < end) {
            Thread.sleep(50);
            video = catalog.find(videoId).orElseThrow();
        }
        assertThat(condition.test(video)).as("video %s in time: %s", videoId, video).isTrue();
        return video;
    }

    @Test
    void remuxablePhoneClipPlaysAtOnceThenGetsLadderHlsAndCover() throws Exception {
        long uploaded = System.nanoTime();
        String id = upload(LadderTranscoderIT.shared("cup.mp4"), "cup.mp4");
        Video playable = await(id, Video::isPlayable, Duration.ofSeconds(30));
        long toPlayableMs = (System.nanoTime() - uploaded) / 1_000_000;
        org.slf4j.LoggerFactory.getLogger(getClass()).info("upload complete → PLAYABLE (remux) in {} ms", toPlayableMs);
        Rendition instant = playable.renditions().stream().filter(r -> r.kind().equals("mp4")).findFirst()
                .orElseThrow();
        assertThat(instant.width()).isEqualTo(640);
        assertThat(instant.preloadEnd()).isPositive();
        assertThat(playable.durationMs()).isBetween(7_900L, 8_300L);

        // the cover comes before the ladder: a few seconds, while the ladder's quality search takes longer
        Video covered = await(id, v -> v.coverBlobKey() != null || v.progress() == 100, Duration.ofMinutes(3));
        assertThat(covered.coverBlobKey()).isNotNull();
        assertThat(covered.progress()).as("cover there while the ladder still runs").isLessThan(100);
        Video done = await(id, v -> v.coverBlobKey() != null && v.progress() == 100, Duration.ofMinutes(3));
        assertThat(done.isPlayable()).as("PLAYABLE, or PUBLISHED in post-moderation mode").isTrue();
        Rendition hls = done.renditions().stream().filter(r -> r.kind().equals("hls")).findFirst().orElseThrow();
        String master;
        try (InputStream in = blobs.open(new BlobKey(hls.blobKey()))) {
            master = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> variants = master.lines().filter(l -> !l.startsWith("#")).toList();
        assertThat(variants).isNotEmpty().allSatisfy(uri ->
                assertThat(catalog.hasAsset(id, uri.substring(0, 64))).isTrue());
        assertThat(done.renditions()).anySatisfy(r -> assertThat(r.height()).isEqualTo(360));
        assertThat(catalog.hasAsset(id, done.coverBlobKey())).isTrue();
        // the per-title decisions are on record (HEVC is off by default, so H.264 only)
        assertThat(done.renditions()).noneMatch(r -> r.codec().contains("hvc1"));
        String decisions = jdbc.sql("select decisions from media_analysis where video_id = ?").param(id)
                .query(String.class).single();
        // an 8 s clip is small enough for the whole-rung quality search: the fixed ladder's encode of the rung was
        // measured, and the rung got a tried CRF (quarter steps) whose SSIM reached it
        assertThat(decisions).containsPattern("360p h264 480x360 crf=(1[89]|[23]\\d)(\\.\\d+)? maxrate=\\d+k")
                .containsPattern("search 480x360: fixed ladder ssim=0\\.9\\d+ at \\d+k; tried crf=")
                .doesNotContain("hevc").contains("loudnorm two-pass from");
    }

    @Test
    void textFileFailsWithAReasonAndTheServerCarriesOn() throws Exception {
        Path text = Files.writeString(Files.createTempFile("notes", ".mp4"), "not a video at all\n".repeat(40));
        String id = upload(text, "notes.mp4");
        Video failed = await(id, v -> v.status() == VideoStatus.FAILED, Duration.ofSeconds(30));
        assertThat(failed.statusReason()).isEqualTo(SourceInspector.NOT_A_VIDEO);
    }

    @Test
    void mpeg2SourceBecomesPlayableThroughAFastRung() throws Exception {
        String id = upload(LadderTranscoderIT.shared("city-cc0.mpg"), "city.mpg");
        Video playable = await(id, Video::isPlayable, Duration.ofSeconds(60));
        assertThat(playable.renditions()).anySatisfy(r -> {
            assertThat(r.kind()).isEqualTo("mp4");
            assertThat(r.codec()).matches("avc1\\.[0-9a-f]{6}"); // ultrafast writes Constrained Baseline
            assertThat(r.height()).isEqualTo(360);
        });
        // the step is recorded as done just after it made the video playable
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> preparesRecorded(id) > 0);
        assertThat(preparesRecorded(id)).isEqualTo(1);
    }

    private long preparesRecorded(String videoId) {
        return jdbc.sql("select count(*) from media_steps where video_id = ? and step = 'media-prepare'")
                .param(videoId).query(Long.class).single();
    }

    private long refcount(String blobKey) {
        return jdbc.sql("select coalesce(max(refcount), 0) from blobs where sha256 = ?").param(blobKey)
                .query(Long.class).single();
    }

    private long keptByMedia(String videoId) {
        return jdbc.sql("select count(*) from media_assets where video_id = ?").param(videoId).query(Long.class)
                .single();
    }

    @Test
    void removingAVideoStopsItsJobsAndGivesBackEveryBlobMediaKept() throws Exception {
        String id = upload(LadderTranscoderIT.shared("cup.mp4"), "cup.mp4");
        Video playable = await(id, Video::isPlayable, Duration.ofSeconds(30));
        String instantKey = playable.renditions().get(0).blobKey();
        long before = refcount(instantKey);
        assertThat(keptByMedia(id)).isPositive();

        catalog.transition(id, VideoStatus.DELETED, "deleted by its creator");

        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (keptByMedia(id) > 0 && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        Thread.sleep(3000); // a ladder that was running must not add anything after the removal
        assertThat(keptByMedia(id)).isZero();
        assertThat(refcount(instantKey)).isEqualTo(before - 1);
        assertThat(jdbc.sql("select count(*) from media_steps where video_id = ? and state = 'cancelled'")
                .param(id).query(Long.class).single()).isEqualTo(1);
    }
}
