package io.clipfeed.storage;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * {@code clipfeed.storage.*}: which store holds the bytes ({@code local}, the default, under
 * {@code ${clipfeed.data-dir}/blobs}; or {@code s3}, set by the {@code s3} profile) and how often blobs left
 * unreferenced by a crash are swept.
 */
@Validated
@ConfigurationProperties("clipfeed.storage")
record StorageSettings(@NotNull @DefaultValue("local") StoreType type,
        @NotNull @DefaultValue("15m") Duration sweepInterval) {

    enum StoreType {
        LOCAL, S3
    }

    StorageSettings {
        if (sweepInterval != null && sweepInterval.compareTo(Duration.ofSeconds(10)) < 0) {
            throw new IllegalArgumentException("clipfeed.storage.sweep-interval must be at least 10s");
        }
    }
}
