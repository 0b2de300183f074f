package io.clipfeed.storage.s3;

import java.io.IOException;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.clipfeed.storage.spi.ByteStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Opens the S3 byte store from its settings: SDK clients, the bucket (created if asked) and the download cache
 * under the data directory. Closing the store closes its clients.
 */
public final class S3ByteStores {

    private static final Logger log = LoggerFactory.getLogger(S3ByteStores.class);

    private S3ByteStores() {
    }

    public static ByteStore open(S3Settings settings, Path dataDir) throws IOException {
        S3Client s3 = client(settings);
        if (settings.createBucket()) {
            ensureBucket(s3, settings.bucket());
        }
        log.info("blobs stored in S3: {}", settings);
        DownloadCache cache = new DownloadCache(dataDir.resolve("cache").resolve("s3"), settings.cacheSize().toBytes());
        return new S3ByteStore(s3, presigner(settings), settings, cache);
    }

    private static S3Client client(S3Settings settings) {
        var builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings))
                .forcePathStyle(settings.pathStyle())
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(64))
                // S3-compatible servers (MinIO, Ceph, s3proxy) vary in support for the SDK's newer default
                // checksums; SHA-256 keys and our own download check already guard the bytes
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder.build();
    }

    private static S3Presigner presigner(S3Settings settings) {
        var builder = S3Presigner.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyle()).build());
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder.build();
    }

    private static void ensureBucket(S3Client s3, String bucket) {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException e) {
            createBucket(s3, bucket);
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            createBucket(s3, bucket);
        }
    }

    private static void createBucket(S3Client s3, String bucket) {
        s3.createBucket(b -> b.bucket(bucket));
        log.info("created bucket {}", bucket);
    }

    private static AwsCredentialsProvider credentials(S3Settings settings) {
        if (settings.hasStaticKeys()) {
            return StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
