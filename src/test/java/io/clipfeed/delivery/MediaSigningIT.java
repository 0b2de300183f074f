package io.clipfeed.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.clipfeed.catalog.VideoStatus;
import io.clipfeed.catalog.Visibility;

/** Signed media URLs: tampering, expiry, binding to a video and a viewer, and removal taking effect at once. */
class MediaSigningIT extends DeliveryITBase {

    @Autowired
    MediaSigner signer;

    @Test
    void refusesATamperedSignature() throws Exception {
        Clips.Clip clip = publicClip();
        String prefix = prefixOf(clip);
        String[] parts = prefix.split("/");
        String signature = parts[5];
        char flipped = signature.charAt(10) == 'A' ? 'B' : 'A';
        String tampered = prefix.replace(signature, signature.substring(0, 10) + flipped + signature.substring(11));
        RawHttp.Response r = get(tampered + clip.mp4().key() + ".mp4");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.text()).contains("signature");

        long later = Long.parseLong(parts[4]) + 600;
        RawHttp.Response extended = get(prefix.replace("/" + parts[4] + "/", "/" + later + "/")
                + clip.mp4().key() + ".mp4");
        assertThat(extended.status()).isEqualTo(403);
    }

    @Test
    void refusesAnExpiredLink() throws Exception {
        Clips.Clip clip = publicClip();
        long past = Instant.now().getEpochSecond() - 5;
        String expired = MediaPath.prefix("", clip.id(), past, signer.sign(clip.id(), past, ""));
        RawHttp.Response r = get(expired + clip.mp4().key() + ".mp4");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.text()).contains("expired");
    }

    @Test
    void servesOnlyTheFilesOfTheSignedVideo() throws Exception {
        Clips.Clip mine = publicClip();
        Clips.Clip other = publicClip();
        assertThat(get(prefixOf(mine) + other.cover().key() + ".jpg").status()).isEqualTo(404);
        assertThat(get(prefixOf(mine) + mine.cover().key() + ".jpg").status()).isEqualTo(200);
        String forgedPrefix = prefixOf(mine).replace(mine.id(), other.id());
        assertThat(get(forgedPrefix + other.cover().key() + ".jpg").status()).isEqualTo(403);
    }

    @Test
    void bindsPrivateVideosToTheirViewer() throws Exception {
        Session owner = register();
        Session other = register();
        Clips.Clip clip = clip(Visibility.PRIVATE, owner.userId(), Clips.none());
        RawHttp.Response info = play(clip.id(), "", owner.token());
        assertThat(info.status()).isEqualTo(200);
        String mp4 = path(json(info).get("mp4Url").asString());

        RawHttp.Response asOwner = get(mp4, "Authorization: Bearer " + owner.token(), "Range: bytes=0-99");
        assertThat(asOwner.status()).isEqualTo(206);
        assertThat(asOwner.header("Cache-Control")).startsWith("private");
        assertThat(get(mp4).status()).isEqualTo(403);
        assertThat(get(mp4, "Authorization: Bearer " + other.token()).status()).isEqualTo(403);

        assertThat(play(clip.id(), "", null).status()).isEqualTo(404);
        assertThat(play(clip.id(), "", other.token()).status()).isEqualTo(404);
        Session moderator = moderator();
        RawHttp.Response staffInfo = play(clip.id(), "", moderator.token());
        assertThat(staffInfo.status()).isEqualTo(200);
        assertThat(get(path(json(staffInfo).get("mp4Url").asString()), "Authorization: Bearer "
                + moderator.token(), "Range: bytes=0-9").status()).isEqualTo(206);
    }

    @Test
    void stopsServingADeletedVideoWithinOneSecond() throws Exception {
        Clips.Clip clip = publicClip();
        String mp4 = prefixOf(clip) + clip.mp4().key() + ".mp4";
        assertThat(get(mp4, "Range: bytes=0-99").status()).isEqualTo(206);

        Stopped stopped = deleteAndProbe(clip.id(), () -> get(mp4, "Range: bytes=0-99").status());
        assertThat(stopped.status()).isEqualTo(410);
        assertThat(stopped.millis()).isLessThan(1000);
        assertThat(get(mp4).status()).isEqualTo(410);
        assertThat(play(clip.id(), "", null).status()).isEqualTo(404);
    }

    @Test
    void stopsServingARejectedVideo() throws Exception {
        Clips.Clip clip = publicClip();
        String cover = prefixOf(clip) + clip.cover().key() + ".jpg";
        assertThat(get(cover).status()).isEqualTo(200);
        catalog.transition(clip.id(), VideoStatus.REJECTED, "taken down");
        Thread.sleep(600);
        assertThat(get(cover).status()).isEqualTo(410);
    }

    @Test
    void keepsTheGeneratedKeyUnderTheDataDirectorySoLinksSurviveRestarts() throws Exception {
        Clips.Clip clip = publicClip();
        String[] parts = prefixOf(clip).split("/");
        MediaSigner afterRestart = new MediaSigner(SigningKeys.resolve(List.of(), DATA_DIR));
        assertThat(DATA_DIR.resolve(SigningKeys.KEY_FILE)).exists();
        assertThat(afterRestart.verify(clip.id(), Long.parseLong(parts[4]), "", parts[5])).isTrue();
    }
}
