package io.clipfeed.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.clipfeed.IntegrationTestBase;
import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoStatus;
import io.clipfeed.identity.Account;
import io.clipfeed.storage.BlobKey;
import io.clipfeed.storage.BlobStore;

/** Seeding against the real database, blob store and catalog: creators, clips handed over as finished uploads, idempotence. */
class DemoSeedingIT extends IntegrationTestBase {

    @Autowired
    DemoSeeder seeder;
    @Autowired
    BlobStore store;

    @Test
    void seedsCreatorsAndClipsOnceAndHandsThemToTheCatalogAsUploads() throws Exception {
        seeder.seed(store);

        for (DemoContent.DemoClip clip : DemoContent.CLIPS) {
            Account creator = accounts.findByUsername(clip.creator()).orElseThrow();
            List<Video> videos = catalog.byCreator(creator.id(), 100).stream()
                    .filter(v -> v.title().equals(clip.title())).toList();
            assertThat(videos).as(clip.title()).hasSize(1);
            Video video = videos.get(0);
            // a finished upload, on its way through media (or through it): never stuck uploading, failed or gone
            assertThat(video.status()).as("handed over as a finished upload").isIn(VideoStatus.UPLOADED,
                    VideoStatus.PROCESSING, VideoStatus.PLAYABLE, VideoStatus.PUBLISHED);
            assertThat(video.hashtags()).isNotEmpty().allSatisfy(t -> assertThat(clip.description()).contains("#" + t));
            assertThat(video.sourceBlobKey()).isNotNull();
        }
        assertThat(seeder.seed(store)).as("a second run adds nothing").isZero();

        Video first = catalog.byCreator(accounts.findByUsername(DemoContent.CLIPS.get(0).creator()).orElseThrow()
                .id(), 100).stream().filter(v -> v.title().equals(DemoContent.CLIPS.get(0).title())).findFirst()
                .orElseThrow();
        Path stored = store.localCopy(new BlobKey(first.sourceBlobKey()));
        try (FFmpegFrameGrabber probe = new FFmpegFrameGrabber(stored.toFile())) {
            probe.start();
            assertThat(probe.getVideoCodec()).isEqualTo(avcodec.AV_CODEC_ID_H264);
            assertThat(probe.getImageHeight()).isEqualTo(DemoContent.CLIPS.get(0).spec().height());
        }
    }
}
