package io.clipfeed.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class MediaSignerTest {

    static final byte[] NEW = "new-key-new-key-new-key-new-key-0".getBytes();
    static final byte[] OLD = "old-key-old-key-old-key-old-key-0".getBytes();

    @Test
    void verifiesWhatItSignedAndNothingElse() {
        MediaSigner signer = new MediaSigner(List.of(NEW));
        String sig = signer.sign("video12345", 1_800_000_000L, "");
        assertThat(sig).hasSize(MediaSigner.SIGNATURE_CHARS).matches("[A-Za-z0-9_-]+");
        assertThat(signer.verify("video12345", 1_800_000_000L, "", sig)).isTrue();
        assertThat(signer.verify("video12346", 1_800_000_000L, "", sig)).isFalse();
        assertThat(signer.verify("video12345", 1_800_000_001L, "", sig)).isFalse();
        assertThat(signer.verify("video12345", 1_800_000_000L, "someone", sig)).isFalse();
        assertThat(signer.verify("video12345", 1_800_000_000L, "", sig.substring(1) + "A")).isFalse();
        assertThat(signer.verify("video12345", 1_800_000_000L, "", null)).isFalse();
    }

    @Test
    void bindsTheViewerOfPrivateVideos() {
        MediaSigner signer = new MediaSigner(List.of(NEW));
        String sig = signer.sign("video12345", 1_800_000_000L, "owner1234");
        assertThat(signer.verify("video12345", 1_800_000_000L, "owner1234", sig)).isTrue();
        assertThat(signer.verify("video12345", 1_800_000_000L, "", sig)).isFalse();
        assertThat(signer.verify("video12345", 1_800_000_000L, "other1234", sig)).isFalse();
    }

    @Test
    void verifiesWithEveryListedKeyButSignsWithTheFirst() {
        String oldSig = new MediaSigner(List.of(OLD)).sign("video12345", 1_800_000_000L, "");
        MediaSigner rotated = new MediaSigner(List.of(NEW, OLD));
        assertThat(rotated.verify("video12345", 1_800_000_000L, "", oldSig)).isTrue();
        String newSig = rotated.sign("video12345", 1_800_000_000L, "");
        assertThat(new MediaSigner(List.of(NEW)).verify("video12345", 1_800_000_000L, "", newSig)).isTrue();
        assertThat(new MediaSigner(List.of(NEW)).verify("video12345", 1_800_000_000L, "", oldSig)).isFalse();
    }
}
