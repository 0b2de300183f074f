package io.clipfeed.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmbedSizeTest {

    @Test
    void portraitVideosEmbedAtTheDefaultWidthKeepingTheirShape() {
        assertThat(EmbedSize.fit(720, 1280, null, null)).isEqualTo(new EmbedSize(360, 640));
    }

    @Test
    void fitsInsideMaxWidthAndMaxHeight() {
        assertThat(EmbedSize.fit(720, 1280, 200, null)).isEqualTo(new EmbedSize(200, 355));
        assertThat(EmbedSize.fit(720, 1280, 300, 400)).isEqualTo(new EmbedSize(225, 400));
    }

    @Test
    void neverScalesAboveTheVideo() {
        assertThat(EmbedSize.fit(240, 320, 1000, 1000)).isEqualTo(new EmbedSize(240, 320));
    }

    @Test
    void theIframeEscapesTheTitle() {
        assertThat(new EmbedSize(10, 20).iframe("https://x/embed/a", "\"><script>alert(1)</script>"))
                .contains("title=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"").doesNotContain("<script>");
    }
}
