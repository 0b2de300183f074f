package io.clipfeed.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Rotation: the server lists a new key first and the old one second. Links signed with the old key keep working;
 * new links are signed with the new key; a key no longer listed is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        "clipfeed.delivery.signing-keys=" + SigningKeyRotationIT.NEW_KEY + "," + SigningKeyRotationIT.OLD_KEY)
class SigningKeyRotationIT extends DeliveryITBase {

    static final String NEW_KEY = "bmV3LWtleS1uZXcta2V5LW5ldy1rZXktbmV3LWtleS0xMjM0NTY=";
    static final String OLD_KEY = "b2xkLWtleS1vbGQta2V5LW9sZC1rZXktb2xkLWtleS0xMjM0NTY=";
    static final String RETIRED_KEY = "cmV0aXJlZC1rZXktcmV0aXJlZC1rZXktcmV0aXJlZC0xMjM0NTY=";

    @Test
    void acceptsLinksSignedWithEveryListedKeyAndSignsWithTheFirst() throws Exception {
        Clips.Clip clip = publicClip();
        long expires = Instant.now().getEpochSecond() + 3600;
        assertThat(get(link(clip, OLD_KEY, expires)).status()).isEqualTo(200);
        assertThat(get(link(clip, NEW_KEY, expires)).status()).isEqualTo(200);
        assertThat(get(link(clip, RETIRED_KEY, expires)).status()).isEqualTo(403);

        String[] handedOut = prefixOf(clip).split("/");
        MediaSigner newKeyOnly = new MediaSigner(List.of(Base64.getDecoder().decode(NEW_KEY)));
        assertThat(newKeyOnly.verify(clip.id(), Long.parseLong(handedOut[4]), "", handedOut[5])).isTrue();
    }

    private static String link(Clips.Clip clip, String key, long expires) {
        MediaSigner signer = new MediaSigner(List.of(Base64.getDecoder().decode(key)));
        return MediaPath.prefix("", clip.id(), expires, signer.sign(clip.id(), expires, ""))
                + clip.cover().key() + ".jpg";
    }
}
