package io.clipfeed.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import io.clipfeed.storage.s3.S3ByteStores;
import io.clipfeed.storage.s3.S3Settings;
import io.clipfeed.storage.spi.ByteStore;
import io.clipfeed.storage.spi.Sha256;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The S3 store against an in-process s3proxy, counted over the application's database, with parts small enough
 * that 20 MB goes up in several.
 */
class S3BlobStoreIT extends BlobStoreContract {

    private static final String BUCKET = "clipfeed-it";
    private static ByteStore s3Bytes;
    private static S3Client s3;

    static {
        S3ProxyServer.startInBackground();
    }

    static S3Settings settings() {
        return new S3Settings(S3ProxyServer.endpoint(), "us-east-1", BUCKET, S3ProxyServer.ACCESS_KEY,
                S3ProxyServer.SECRET_KEY, true, true, DataSize.ofMegabytes(8), DataSize.ofMegabytes(5), 4,
                DataSize.ofMegabytes(100));
    }

    @Override
    ByteStore byteStoreUnderTest() throws IOException {
        synchronized (S3BlobStoreIT.class) {
            if (s3Bytes == null) {
                s3Bytes = S3ByteStores.open(settings(), DATA_DIR);
                s3 = S3Client.builder().endpointOverride(S3ProxyServer.endpoint()).region(Region.US_EAST_1)
                        .forcePathStyle(true).credentialsProvider(StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)))
                        .build();
            }
            return s3Bytes;
        }
    }

    @AfterAll
    static void closeClients() throws Exception {
        if (s3Bytes != null) {
            ((AutoCloseable) s3Bytes).close();
            s3.close();
            s3Bytes = null;
        }
    }

    @Override
    String storeTag() {
        return "s3";
    }

    @Override
    int raceRounds() {
        return 8;
    }

    private static String objectKey(BlobKey key) {
        return "blobs/" + key.sha256().substring(0, 2) + "/" + key.sha256();
    }

    @Override
    boolean holdsBytes(BlobKey key) {
        try {
            s3.headObject(b -> b.bucket(BUCKET).key(objectKey(key)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        }
    }

    @Override
    long copiesOf(BlobKey key, long size) {
        return s3.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents().stream()
                .filter(o -> o.size() == size && o.key().contains(key.sha256())).count();
    }

    @Test
    void uploadsLargeFilesInPartsUnderTheirHashKey() throws Exception {
        Path file = randomFile(12 * 1024 * 1024);
        Blob blob = store.put(file, "video/mp4");

        var head = s3.headObject(b -> b.bucket(BUCKET).key(objectKey(blob.key())));

        assertThat(head.eTag()).as("multipart ETags end in -<parts>").matches("\"?[0-9a-f]+-3\"?");
        assertThat(head.contentLength()).isEqualTo(12 * 1024 * 1024);
        assertThat(head.contentType()).isEqualTo("video/mp4");
        assertThat(head.metadata()).containsEntry("sha256", blob.key().sha256());
    }

    @Test
    void aPresignedUrlServesTheBytesWithoutCredentials() throws Exception {
        Path file = randomFile(50_000);
        Blob blob = store.put(file, "video/mp4");

        URI url = store.presignedGet(blob.key(), Duration.ofMinutes(5)).orElseThrow();
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(Files.readAllBytes(file));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("video/mp4");
    }

    @Test
    void localCopiesAreCachedUnderTheDataDirectory() throws Exception {
        Blob blob = store.put(randomFile(30_000), "video/mp4");

        Path first = store.localCopy(blob.key());
        Path second = store.localCopy(blob.key());

        assertThat(first).isEqualTo(second).startsWith(DATA_DIR.toAbsolutePath().normalize().resolve("cache"));
        assertThat(Sha256.of(first)).isEqualTo(blob.key());
        store.release(blob.key());
        assertThat(first).doesNotExist();
    }
}
