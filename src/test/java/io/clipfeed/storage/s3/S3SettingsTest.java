package io.clipfeed.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class S3SettingsTest {

    private static S3Settings settings(URI endpoint, String access, String secret, DataSize threshold, DataSize part) {
        return new S3Settings(endpoint, "us-east-1", "clips", access, secret, true, false, threshold, part, 4,
                DataSize.ofGigabytes(1));
    }

    @Test
    void acceptsAMinioStyleSetup() {
        S3Settings s = settings(URI.create("http://127.0.0.1:9000"), "minio", "minio-secret",
                DataSize.ofMegabytes(16), DataSize.ofMegabytes(8));

        assertThat(s.hasStaticKeys()).isTrue();
        assertThat(s.toString()).doesNotContain("minio-secret");
    }

    @Test
    void refusesHalfACredentialPair() {
        assertThatThrownBy(() -> settings(null, "minio", null, DataSize.ofMegabytes(16), DataSize.ofMegabytes(8)))
                .hasMessageContaining("access-key and secret-key");
    }

    @Test
    void refusesPartsS3WouldReject() {
        assertThatThrownBy(() -> settings(null, null, null, DataSize.ofMegabytes(16), DataSize.ofMegabytes(1)))
                .hasMessageContaining("part-size");
        assertThatThrownBy(() -> settings(null, null, null, DataSize.ofMegabytes(5), DataSize.ofMegabytes(8)))
                .hasMessageContaining("multipart-threshold");
    }

    @Test
    void refusesAnEndpointThatIsNotHttp() {
        assertThatThrownBy(() -> settings(URI.create("file:///etc"), null, null, DataSize.ofMegabytes(16),
                DataSize.ofMegabytes(8))).hasMessageContaining("http");
    }
}
