package io.clipfeed.storage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What operators watch: how many puts stored new bytes versus found them already stored (dedup hits), how many
 * blobs were deleted, and how many bytes are referenced now (read from the {@code blobs} table at scrape time).
 */
class StorageMetrics {

    private final Counter stored;
    private final Counter deduplicated;
    private final Counter deleted;

    StorageMetrics(MeterRegistry registry, BlobRecords records, String storeType) {
        stored = Counter.builder("clipfeed.storage.puts").tag("outcome", "stored").tag("store", storeType)
                .description("puts that stored new bytes").register(registry);
        deduplicated = Counter.builder("clipfeed.storage.puts").tag("outcome", "deduplicated").tag("store", storeType)
                .description("puts whose bytes were already stored").register(registry);
        deleted = Counter.builder("clipfeed.storage.deletes").tag("store", storeType)
                .description("blobs deleted after their last reference was released").register(registry);
        Gauge.builder("clipfeed.storage.referenced.bytes", records, BlobRecords::referencedBytes)
                .tag("store", storeType).baseUnit("bytes").description("bytes of all referenced blobs")
                .register(registry);
        Gauge.builder("clipfeed.storage.referenced.blobs", records, BlobRecords::referencedBlobs)
                .tag("store", storeType).description("referenced blobs").register(registry);
    }

    void stored() {
        stored.increment();
    }

    void deduplicated() {
        deduplicated.increment();
    }

    void deleted() {
        deleted.increment();
    }
}
