package io.clipfeed.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.clipfeed.storage.BlobKey;

class ObjectKeysTest {

    @Test
    void objectKeysAreMadeFromTheHashAlone() {
        BlobKey key = new BlobKey("ab" + "0".repeat(62));

        assertThat(ObjectKeys.of(key)).isEqualTo("blobs/ab/ab" + "0".repeat(62));
    }
}
