package io.clipfeed.storage.s3;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * {@code clipfeed.storage.s3.*}, bound only when {@code clipfeed.storage.type=s3}. Without an endpoint the SDK
 * talks to AWS; with one, to any S3-compatible server (MinIO usually wants {@code path-style: true}). Without
 * keys the SDK's default chain is used (environment, profile, instance role).
 */
@Validated
@ConfigurationProperties("clipfeed.storage.s3")
public record S3Settings(URI endpoint, @NotBlank @DefaultValue("us-east-1") String region, @NotBlank String bucket,
        String accessKey, String secretKey, @DefaultValue("false") boolean pathStyle,
        @DefaultValue("false") boolean createBucket, @NotNull @DefaultValue("16MB") DataSize multipartThreshold,
        @NotNull @DefaultValue("8MB") DataSize partSize, @Min(1) @Max(64) @DefaultValue("4") int uploadConcurrency,
        @NotNull @DefaultValue("2GB") DataSize cacheSize) {

    /** S3 refuses parts under 5 MiB (except the last) and over 5 GiB. */
    static final DataSize MIN_PART = DataSize.ofMegabytes(5);
    static final DataSize MAX_PART = DataSize.ofGigabytes(5);

    public S3Settings {
        if (isBlank(accessKey) != isBlank(secretKey)) {
            throw new IllegalArgumentException("set both clipfeed.storage.s3.access-key and secret-key, or neither");
        }
        if (partSize != null && (partSize.compareTo(MIN_PART) < 0 || partSize.compareTo(MAX_PART) > 0)) {
            throw new IllegalArgumentException("clipfeed.storage.s3.part-size must be between 5MB and 5GB");
        }
        if (multipartThreshold != null && partSize != null && multipartThreshold.compareTo(partSize) < 0) {
            throw new IllegalArgumentException("clipfeed.storage.s3.multipart-threshold must be >= part-size");
        }
        if (endpoint != null && !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))) {
            throw new IllegalArgumentException("clipfeed.storage.s3.endpoint must be an http(s) URL");
        }
    }

    public boolean hasStaticKeys() {
        return !isBlank(accessKey);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        // never log the secret key
        return "S3Settings[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", pathStyle="
                + pathStyle + ", staticKeys=" + hasStaticKeys() + "]";
    }
}
