package io.clipfeed.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import io.clipfeed.storage.spi.ByteStore;

/**
 * Deletes the bytes of blobs whose last reference is gone. The bytes go first and the row second, both under the
 * row's lock: a put of the same content waits on that lock, then sees no row (or a row at zero) and stores the
 * bytes again, so a referenced blob never loses its bytes. If deleting fails half-way, the row stays at zero and
 * the next sweep tries again.
 */
class UnreferencedBlobs {

    private static final Logger log = LoggerFactory.getLogger(UnreferencedBlobs.class);
    private static final int SWEEP_BATCH = 500;

    private final BlobRecords records;
    private final ByteStore bytes;
    private final TransactionTemplate newTransaction;
    private final StorageMetrics metrics;

    UnreferencedBlobs(BlobRecords records, ByteStore bytes, TransactionTemplate newTransaction,
            StorageMetrics metrics) {
        this.records = records;
        this.bytes = bytes;
        this.newTransaction = newTransaction;
        this.metrics = metrics;
    }

    /** Deletes the blob if it is still unreferenced; a blob referenced again in the meantime is left alone. */
    boolean purge(BlobKey key) {
        Boolean purged = newTransaction.execute(status -> {
            OptionalLong count = records.lockRefcount(key);
            if (count.isEmpty() || count.getAsLong() > 0) {
                return false;
            }
            deleteBytes(key);
            records.delete(key);
            return true;
        });
        if (Boolean.TRUE.equals(purged)) {
            metrics.deleted();
        }
        return Boolean.TRUE.equals(purged);
    }

    /** Purges after a crash or a failed delete left blobs at zero references; returns how many went. */
    int sweep() {
        int purged = 0;
        List<BlobKey> batch = records.unreferenced(SWEEP_BATCH);
        for (BlobKey key : batch) {
            try {
                purged += purge(key) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("could not purge unreferenced blob {}; the next sweep retries", key, e);
            }
        }
        return purged;
    }

    private void deleteBytes(BlobKey key) {
        try {
            bytes.delete(key);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the bytes of blob " + key, e);
        }
    }
}
