package io.clipfeed.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.clipfeed.catalog.NewVideo;
import io.clipfeed.catalog.Rendition;
import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoStatus;
import io.clipfeed.catalog.Visibility;
import io.clipfeed.platform.Ids;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/videos/{id}/play}: rendition choice from hints, signed URLs that play, and the preload. */
class PlayInfoIT extends DeliveryITBase {

    private List<Rendition> ladder(String sha) {
        return List.of(
                new Rendition(Ids.newId(), "mp4", "avc1.4d401e", 360, 640, 600_000, 1000, sha, null, null, null),
                new Rendition(Ids.newId(), "mp4", "avc1.64001f", 720, 1280, 2_500_000, 1000, sha, null, null, null),
                new Rendition(Ids.newId(), "mp4", "hvc1.1.6.L93.B0", 720, 1280, 1_600_000, 1000, sha, null, null,
                        null));
    }

    @Test
    void handsOutAPlayableMp4HlsMasterCoverAndPreloadRange() throws Exception {
        Clips.Clip clip = publicClip();
        RawHttp.Response r = play(clip.id(), "", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Cache-Control")).contains("no-store");
        JsonNode info = json(r);
        assertThat(info.get("rendition").get("codec").asString()).startsWith("avc1");
        assertThat(Instant.parse(info.get("expiresAt").asString())).isAfter(Instant.now().plusSeconds(3600));
        JsonNode preload = info.get("preload");
        assertThat(preload.get("url").asString()).isEqualTo(info.get("mp4Url").asString());
        assertThat(preload.get("rangeStart").asLong()).isZero();
        assertThat(preload.get("rangeEnd").asLong()).isEqualTo(Clips.PRELOAD_END);

        RawHttp.Response head = get(path(preload.get("url").asString()),
                "Range: bytes=0-" + preload.get("rangeEnd").asLong());
        assertThat(head.status()).isEqualTo(206);
        byte[] cup = Files.readAllBytes(Clips.mediaFile(Clips.CUP));
        assertThat(head.body()).isEqualTo(Arrays.copyOfRange(cup, 0, (int) Clips.PRELOAD_END + 1));
        assertThat(get(path(info.get("hlsUrl").asString())).header("Content-Type"))
                .isEqualTo("application/vnd.apple.mpegurl");
        assertThat(get(path(info.get("coverUrl").asString())).header("Content-Type")).isEqualTo("image/jpeg");
    }

    @Test
    void neverHandsHevcToAClientThatDidNotListIt() throws Exception {
        Clips.Clip clip = clip(Visibility.PUBLIC, Ids.newId(), ladder(Ids.newId().toLowerCase()));
        JsonNode plain = json(play(clip.id(), "", null));
        assertThat(plain.get("rendition").get("codec").asString()).startsWith("avc1");
        assertThat(plain.get("rendition").get("height").asInt()).isEqualTo(1280);
        assertThat(plain.get("alternates").toString()).doesNotContain("hvc1");

        JsonNode hevc = json(play(clip.id(), "codecs=avc1,hvc1", null));
        assertThat(hevc.get("rendition").get("codec").asString()).startsWith("hvc1");
        assertThat(hevc.get("alternates").toString()).contains("avc1");
    }

    @Test
    void respectsMaxHeightNetworkAndSaveData() throws Exception {
        Clips.Clip clip = clip(Visibility.PUBLIC, Ids.newId(), ladder(Ids.newId().toLowerCase()));
        assertThat(json(play(clip.id(), "maxHeight=400", null)).get("rendition").get("width").asInt())
                .isEqualTo(360);
        assertThat(json(play(clip.id(), "net=2g", null)).get("rendition").get("width").asInt()).isEqualTo(360);
        assertThat(json(play(clip.id(), "", null, "Save-Data: on")).get("rendition").get("width").asInt())
                .isEqualTo(360);
        assertThat(json(play(clip.id(), "net=wifi&maxHeight=bogus&codecs=%3Cscript%3E", null))
                .get("rendition").get("width").asInt()).isEqualTo(720);
    }

    @Test
    void answers404ForUnknownIdsAnd409WhileNotPlayable() throws Exception {
        assertThat(play(Ids.newId(), "", null).status()).isEqualTo(404);
        assertThat(play("..%2F..", "", null).status()).isIn(400, 404);
        Session creator = register();
        Video uploading = catalog.create(new NewVideo(creator.userId(), "t", "d", Visibility.PUBLIC, "a.mp4"));
        // why it cannot play is the creator's business; to anyone else an unpublished video does not exist
        assertThat(play(uploading.id(), "", null).status()).isEqualTo(404);
        RawHttp.Response pending = play(uploading.id(), "", creator.token());
        assertThat(pending.status()).isEqualTo(409);
        assertThat(pending.header("Content-Type")).startsWith("application/problem+json");
        assertThat(json(pending).get("videoStatus").asString()).isEqualTo("UPLOADING");

        catalog.transition(uploading.id(), VideoStatus.FAILED, "the file is not a video");
        assertThat(json(play(uploading.id(), "", creator.token())).get("detail").asString())
                .contains("the file is not a video");
        assertThat(play(uploading.id(), "", null).status()).isEqualTo(404);
    }

    @Test
    void namesTheVideoOnlyStarterBesideTheRungsAndItsLinkPlays() throws Exception {
        Clips.Clip clip = publicClip();
        JsonNode before = json(play(clip.id(), "", null)).get("starter");
        assertThat(before == null || before.isNull()).as("no starter yet").isTrue();
        io.clipfeed.storage.Blob video = store.put(Clips.mediaFile(Clips.BOX), "video/mp4");
        catalog.recordRendition(clip.id(), new Rendition(Ids.newId(), "starter", "avc1.64001e", 640, 480, 1_000_000,
                video.size(), video.key().sha256(), null, null, 30_000L));

        JsonNode info = json(play(clip.id(), "", null));
        JsonNode starter = info.get("starter");
        assertThat(starter.get("codec").asString()).isEqualTo("avc1.64001e");
        assertThat(starter.get("width").asInt()).isEqualTo(640);
        assertThat(starter.get("height").asInt()).isEqualTo(480);
        assertThat(starter.get("url").asString()).contains(video.key().sha256())
                .startsWith(info.get("mp4Url").asString().replaceAll("[^/]+$", ""));
        assertThat(info.get("mp4Url").asString() + info.get("alternates")).as("never a rendition to play with sound")
                .doesNotContain(video.key().sha256());
        RawHttp.Response file = get(path(starter.get("url").asString()), "Range: bytes=0-99");
        assertThat(file.status()).isEqualTo(206);
        assertThat(file.header("Content-Type")).isEqualTo("video/mp4");
    }
}
