package io.clipfeed.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.clipfeed.storage.spi.ByteStore;
import io.clipfeed.storage.spi.Staged;

/**
 * The {@link BlobStore} every module uses: reference counting in the {@code blobs} table over any
 * {@link ByteStore}. A put first tries to add a reference to already-stored bytes (no copy at all); otherwise it
 * stores the bytes and then, under the row's lock, checks they survived any concurrent purge before counting
 * the reference. Bytes are only deleted after the release that dropped the count to zero has committed.
 */
class CountedBlobStore implements BlobStore {

    private static final Logger log = LoggerFactory.getLogger(CountedBlobStore.class);
    private static final int ATTEMPTS = 5;
    private static final Duration MAX_PRESIGN = Duration.ofDays(7);

    private final BlobRecords records;
    private final ByteStore bytes;
    private final UnreferencedBlobs unreferenced;
    private final TransactionTemplate transaction;
    private final StorageMetrics metrics;
    private final Clock clock;

    CountedBlobStore(BlobRecords records, ByteStore bytes, UnreferencedBlobs unreferenced,
            TransactionTemplate transaction, StorageMetrics metrics, Clock clock) {
        this.records = records;
        this.bytes = bytes;
        this.unreferenced = unreferenced;
        this.transaction = transaction;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public Blob put(Path file, String contentType) throws IOException {
        return store(bytes.stage(file), contentType);
    }

    @Override
    public Blob adopt(Path durableFile, String contentType) throws IOException {
        return store(bytes.stageDurable(durableFile), contentType);
    }

    private Blob store(Staged stagedBytes, String contentType) throws IOException {
        String type = ContentTypes.normalize(contentType);
        try (Staged staged = stagedBytes) {
            if (records.retainIfReferenced(staged.key())) {
                metrics.deduplicated();
                return require(staged.key());
            }
            bytes.store(staged, type);
            boolean fresh = TransientRetry.run(() -> transaction.execute(status -> attach(staged, type)));
            if (fresh) {
                metrics.stored();
            } else {
                metrics.deduplicated();
            }
            return require(staged.key());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Counts one reference to bytes already stored; returns whether this put brought them back to life. */
    private boolean attach(Staged staged, String type) {
        for (int attempt = 1; ; attempt++) {
            records.insertUnreferenced(staged.key(), staged.size(), type, clock.instant());
            OptionalLong count = records.lockRefcount(staged.key());
            if (count.isPresent()) {
                boolean fresh = count.getAsLong() == 0;
                if (fresh) {
                    restoreIfPurged(staged, type);
                }
                records.increment(staged.key());
                return fresh;
            }
            if (attempt == ATTEMPTS) {
                throw new IllegalStateException("blob " + staged.key() + " kept vanishing while being stored");
            }
        }
    }

    /** A purge that ran between our store and our lock deleted the bytes: store them again, now under the lock. */
    private void restoreIfPurged(Staged staged, String type) {
        try {
            if (!bytes.contains(staged.key())) {
                bytes.store(staged, type);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Blob retain(BlobKey key) {
        if (!records.retainIfReferenced(key)) {
            throw new BlobNotFoundException(key);
        }
        return require(key);
    }

    @Override
    public void release(BlobKey key) {
        TransientRetry.run(() -> transaction.execute(status -> {
            long left = records.decrement(key).orElseThrow(() -> new BlobNotFoundException(key));
            if (left == 0) {
                purgeAfterCommit(key);
            }
            return left;
        }));
    }

    private void purgeAfterCommit(BlobKey key) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                // a failure here leaves the row at zero for the sweep; the release itself has succeeded
                try {
                    unreferenced.purge(key);
                } catch (RuntimeException e) {
                    log.warn("purge of blob {} failed; the sweep will retry", key, e);
                }
            }
        });
    }

    @Override
    public Optional<Blob> find(BlobKey key) {
        return records.findReferenced(key);
    }

    @Override
    public InputStream open(BlobKey key) throws IOException {
        Blob blob = require(key);
        return read(key, 0, blob.size());
    }

    @Override
    public InputStream open(BlobKey key, long offset, long length) throws IOException {
        Blob blob = require(key);
        if (offset < 0 || length < 0 || offset > blob.size() - length) {
            throw new IllegalArgumentException("range " + offset + "+" + length + " lies outside blob " + key
                    + " of " + blob.size() + " bytes");
        }
        return read(key, offset, length);
    }

    private InputStream read(BlobKey key, long offset, long length) throws IOException {
        try {
            return bytes.open(key, offset, length);
        } catch (NoSuchFileException e) {
            throw new BlobNotFoundException(key); // released and purged since we looked it up
        }
    }

    @Override
    public Path localCopy(BlobKey key) throws IOException {
        require(key);
        try {
            return bytes.localCopy(key);
        } catch (NoSuchFileException e) {
            throw new BlobNotFoundException(key);
        }
    }

    @Override
    public Optional<URI> presignedGet(BlobKey key, Duration validFor) {
        if (validFor.isNegative() || validFor.isZero() || validFor.compareTo(MAX_PRESIGN) > 0) {
            throw new IllegalArgumentException("a presigned URL must be valid for between 1 s and 7 days");
        }
        return bytes.presignedGet(key, require(key).contentType(), validFor);
    }

    private Blob require(BlobKey key) {
        return records.findReferenced(key).orElseThrow(() -> new BlobNotFoundException(key));
    }
}
