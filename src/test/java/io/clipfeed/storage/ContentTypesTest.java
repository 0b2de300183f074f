package io.clipfeed.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentTypesTest {

    @Test
    void keepsPlainTypesLowerCasedWithoutParameters() {
        assertThat(ContentTypes.normalize("Video/MP4; codecs=\"avc1\"")).isEqualTo("video/mp4");
        assertThat(ContentTypes.normalize("application/vnd.apple.mpegurl")).isEqualTo("application/vnd.apple.mpegurl");
    }

    @Test
    void neutralisesMissingOrHostileTypes() {
        assertThat(ContentTypes.normalize(null)).isEqualTo("application/octet-stream");
        assertThat(ContentTypes.normalize("text/html\r\nSet-Cookie: x=y")).isEqualTo("application/octet-stream");
        assertThat(ContentTypes.normalize("x".repeat(300) + "/mp4")).isEqualTo("application/octet-stream");
        assertThat(ContentTypes.normalize("")).isEqualTo("application/octet-stream");
    }
}
