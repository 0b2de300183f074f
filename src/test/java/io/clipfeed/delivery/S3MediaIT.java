package io.clipfeed.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Arrays;
import java.util.Base64;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.clipfeed.catalog.Visibility;
import io.clipfeed.platform.Ids;

/**
 * The same media semantics with blobs in S3 (an in-process s3proxy): delivery streams ranged reads from the store
 * (a proxy, no redirect), so signatures, removal, headers and ranges behave exactly as over the filesystem.
 */
// closed after the class: its job scheduler shares the test database with every other context and, once this
// class's s3proxy is stopped, would fail the media jobs of later tests that it happens to pick up
@DirtiesContext
class S3MediaIT extends DeliveryITBase {

    static final String ACCESS = "delivery-it";
    static final String SECRET = Base64.getEncoder().encodeToString(Ids.newId().getBytes());
    static final S3Proxy S3 = start();

    static S3Proxy start() {
        BlobStoreContext context = ContextBuilder.newBuilder("transient").credentials(ACCESS, SECRET)
                .build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder().blobStore(context.getBlobStore())
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET)
                .endpoint(URI.create("http://127.0.0.1:" + io.clipfeed.ServerProcess.freePort()))
                .build();
        try {
            proxy.start();
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not start", e);
        }
        return proxy;
    }

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) {
        registry.add("clipfeed.storage.type", () -> "s3");
        registry.add("clipfeed.storage.s3.endpoint", () -> "http://127.0.0.1:" + S3.getPort());
        registry.add("clipfeed.storage.s3.bucket", () -> "delivery-it");
        registry.add("clipfeed.storage.s3.access-key", () -> ACCESS);
        registry.add("clipfeed.storage.s3.secret-key", () -> SECRET);
        registry.add("clipfeed.storage.s3.path-style", () -> "true");
        registry.add("clipfeed.storage.s3.create-bucket", () -> "true");
        registry.add("clipfeed.delivery.edge.enabled", () -> "true");
        registry.add("clipfeed.delivery.edge.port", () -> "0");
        registry.add("clipfeed.delivery.edge.address", () -> "127.0.0.1");
    }

    @org.springframework.beans.factory.annotation.Autowired
    MediaEdge edge;

    @Test
    void theMediaEdgeServesObjectsFromS3Too() throws Exception {
        Clips.Clip clip = Clips.publish(catalog, store, Ids.newId(), Visibility.PUBLIC, Clips.none(), true);
        byte[] bytes = clip.mp4Bytes();
        String mp4 = prefixOf(clip) + clip.mp4().key() + ".mp4";
        RawHttp.Response part = RawHttp.send(edge.port(), "GET", mp4, "Range: bytes=65536-131071");
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(bytes, 65536, 131072));
        RawHttp.Response whole = RawHttp.send(edge.port(), "GET", mp4);
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(bytes);
    }

    @AfterAll
    static void stop() throws Exception {
        S3.stop();
    }

    @Test
    void servesWholeFilesRangesAndValidatorsFromS3() throws Exception {
        Clips.Clip clip = Clips.publish(catalog, store, Ids.newId(), Visibility.PUBLIC, Clips.none(), true);
        byte[] bytes = clip.mp4Bytes();
        int length = bytes.length;
        String mp4 = prefixOf(clip) + clip.mp4().key() + ".mp4";

        RawHttp.Response whole = get(mp4);
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(bytes);
        assertThat(whole.header("ETag")).isEqualTo('"' + clip.mp4().key().sha256() + '"');
        assertThat(whole.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");

        RawHttp.Response part = get(mp4, "Range: bytes=65536-131071");
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.header("Content-Range")).isEqualTo("bytes 65536-131071/" + length);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(bytes, 65536, 131072));

        RawHttp.Response several = get(mp4, "Range: bytes=0-9,65536-131071");
        assertThat(several.status()).isEqualTo(206);
        assertThat(several.header("Content-Length")).isEqualTo(String.valueOf(several.body().length));
        java.util.List<MultipartParts.Part> parts = MultipartParts.of(several);
        assertThat(parts).extracting(p -> p.header("Content-Range"))
                .containsExactly("bytes 0-9/" + length, "bytes 65536-131071/" + length);
        assertThat(parts).allSatisfy(p -> assertThat(p.header("Content-Type")).isEqualTo("video/mp4"));
        assertThat(parts.get(0).body()).isEqualTo(Arrays.copyOfRange(bytes, 0, 10));
        assertThat(parts.get(1).body()).isEqualTo(Arrays.copyOfRange(bytes, 65536, 131072));
        RawHttp.Response stale = get(mp4, "Range: bytes=0-9,20-29", "If-Range: \"other\"");
        assertThat(stale.status()).isEqualTo(200);
        assertThat(RawHttp.send(port, "HEAD", mp4, "Range: bytes=0-9,20-29").status()).isEqualTo(200);
        assertThat(get(mp4, "Range: bytes=-100").body()).isEqualTo(Arrays.copyOfRange(bytes, length - 100, length));
        assertThat(get(mp4, "Range: bytes=" + length + "-").header("Content-Range")).isEqualTo("bytes */" + length);
        assertThat(get(mp4, "Range: bytes=9-2").status()).isEqualTo(200);
        assertThat(get(mp4, "If-None-Match: " + whole.header("ETag")).status()).isEqualTo(304);

        String segment = prefixOf(clip) + clip.segment().key() + ".m4s";
        assertThat(get(segment, "Range: bytes=0-9").status()).isEqualTo(206);
        RawHttp.Response playlist = get(prefixOf(clip) + clip.media().key() + ".m3u8", "Accept-Encoding: gzip");
        assertThat(playlist.header("Content-Encoding")).isEqualTo("gzip");
    }
}
