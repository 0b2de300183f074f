package io.clipfeed.storage;

import java.time.Clock;
import java.util.Locale;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import io.clipfeed.storage.spi.ByteStore;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Wires the counted {@link BlobStore} over whichever {@link ByteStore} the {@code local/} or {@code s3/}
 * configuration contributed (chosen by {@code clipfeed.storage.type}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageSettings.class)
class StorageConfig {

    @Bean
    BlobRecords blobRecords(JdbcClient jdbc) {
        return new BlobRecords(jdbc);
    }

    @Bean
    StorageMetrics storageMetrics(MeterRegistry registry, BlobRecords records, StorageSettings settings) {
        return new StorageMetrics(registry, records, settings.type().name().toLowerCase(Locale.ROOT));
    }

    @Bean
    UnreferencedBlobs unreferencedBlobs(BlobRecords records, ByteStore bytes, PlatformTransactionManager tm,
            StorageMetrics metrics) {
        TransactionTemplate ownTransaction = new TransactionTemplate(tm);
        // runs after the releasing transaction committed, when that transaction's connection may still be bound
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new UnreferencedBlobs(records, bytes, ownTransaction, metrics);
    }

    @Bean
    BlobStore blobStore(BlobRecords records, ByteStore bytes, UnreferencedBlobs unreferenced,
            PlatformTransactionManager tm, StorageMetrics metrics, Clock clock) {
        return new CountedBlobStore(records, bytes, unreferenced, new TransactionTemplate(tm), metrics, clock);
    }

    /** Deletes blobs a crash left at zero references; recurring tasks also run once at start-up. */
    @Bean
    RecurringTask<Void> storageSweep(UnreferencedBlobs unreferenced, StorageSettings settings) {
        return Tasks.recurring("storage-sweep", FixedDelay.of(settings.sweepInterval()))
                .execute((instance, context) -> unreferenced.sweep());
    }
}
