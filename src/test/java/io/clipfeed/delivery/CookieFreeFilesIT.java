package io.clipfeed.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Files are {@code public, immutable}: they must carry no {@code Set-Cookie}, or shared caches will not store them.
 * Pages and API calls still issue the double-submit token the web client needs.
 */
class CookieFreeFilesIT extends DeliveryITBase {

    @Test
    void mediaFilesAndStaticAssetsSetNoCookie() throws Exception {
        Clips.Clip clip = publicClip();
        String mp4 = prefixOf(clip) + clip.mp4().key() + ".mp4";

        RawHttp.Response whole = get(mp4);
        RawHttp.Response range = get(mp4, "Range: bytes=0-65535");
        RawHttp.Response favicon = get("/favicon.svg");

        assertThat(whole.status()).isEqualTo(200);
        assertThat(range.status()).isEqualTo(206);
        assertThat(favicon.status()).isEqualTo(200);
        assertThat(whole.header("Set-Cookie")).as("whole file").isNull();
        assertThat(range.header("Set-Cookie")).as("range").isNull();
        assertThat(favicon.header("Set-Cookie")).as("static asset").isNull();
    }

    @Test
    void apiCallsStillIssueTheCsrfToken() throws Exception {
        RawHttp.Response api = get("/api/v1/feed/trending");

        assertThat(api.status()).isEqualTo(200);
        assertThat(api.header("Set-Cookie")).startsWith("XSRF-TOKEN=");
    }
}
