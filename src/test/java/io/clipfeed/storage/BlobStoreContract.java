package io.clipfeed.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.clipfeed.IntegrationTestBase;
import io.micrometer.core.instrument.MeterRegistry;
import io.clipfeed.storage.spi.ByteStore;
import io.clipfeed.storage.spi.Sha256;

/**
 * What every {@link BlobStore} promises, run against each real store inside the running application with the
 * real database (H2, or PostgreSQL with the {@code postgres} profile) shared with the other ITs. Every test makes
 * its own random bytes, so blobs never collide with other tests sharing the database.
 */
abstract class BlobStoreContract extends IntegrationTestBase {

    @Autowired
    BlobStore applicationStore;
    @Autowired
    UnreferencedBlobs applicationUnreferenced;
    @Autowired
    BlobRecords records;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Clock clock;
    @Autowired
    MeterRegistry meters;
    @Autowired
    TransactionTemplate transaction;
    @TempDir
    Path dir;

    BlobStore store;
    UnreferencedBlobs unreferenced;

    /**
     * The bytes under test, or null for the application's own store. Another store is counted exactly as the
     * application counts its own, over the same {@code blobs} table, inside the same application context (so the
     * suite runs in one shared context instead of starting another).
     */
    ByteStore byteStoreUnderTest() throws IOException {
        return null;
    }

    /** The {@code store} tag of the metrics of the store under test. */
    abstract String storeTag();

    @BeforeEach
    void wireTheStoreUnderTest() throws IOException {
        ByteStore bytes = byteStoreUnderTest();
        if (bytes == null) {
            store = applicationStore;
            unreferenced = applicationUnreferenced;
            return;
        }
        StorageMetrics metrics = new StorageMetrics(meters, records, storeTag());
        TransactionTemplate ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        unreferenced = new UnreferencedBlobs(records, bytes, ownTransaction, metrics);
        store = new CountedBlobStore(records, bytes, unreferenced, new TransactionTemplate(transactions), metrics,
                clock);
    }

    /** Whether the store holds bytes under this key (a file, an object). */
    abstract boolean holdsBytes(BlobKey key) throws IOException;

    /**
     * How many copies of these bytes the store holds, stray temp files included. (Counted by content rather than
     * as a difference of totals: other application contexts of the test JVM may store blobs meanwhile.)
     */
    abstract long copiesOf(BlobKey key, long size) throws IOException;

    @Test
    void storesIdenticalBytesOnceAndCountsEveryPut() throws Exception {
        Path file = randomFile(100_000);
        double dedupHits = puts("deduplicated");
        double stored = puts("stored");

        Blob first = store.put(file, "video/mp4");
        Blob second = store.put(copyOf(file), "video/mp4");

        assertThat(second).isEqualTo(first);
        assertThat(first.key()).isEqualTo(Sha256.of(file));
        assertThat(first.size()).isEqualTo(100_000);
        assertThat(records.references(first.key())).isEqualTo(2);
        assertThat(copiesOf(first.key(), 100_000)).isEqualTo(1);
        assertThat(puts("stored") - stored).isEqualTo(1);
        assertThat(puts("deduplicated") - dedupHits).isEqualTo(1);
    }

    @Test
    void adoptStoresAndCountsExactlyLikeAPut() throws Exception {
        Path file = randomFile(50_000);
        Blob put = store.put(copyOf(file), "video/mp4");

        Blob adopted = store.adopt(file, "video/mp4");

        assertThat(adopted).isEqualTo(put);
        assertThat(records.references(put.key())).isEqualTo(2);
        assertThat(copiesOf(put.key(), 50_000)).isEqualTo(1);
        assertThat(readAll(store.open(put.key()))).isEqualTo(Files.readAllBytes(file));
    }

    private double puts(String outcome) {
        return meters.get("clipfeed.storage.puts").tag("outcome", outcome).tag("store", storeTag()).counter()
                .count();
    }

    @Test
    void keepsBytesUntilTheLastReferenceIsReleased() throws Exception {
        Path file = randomFile(10_000);
        BlobKey key = store.put(file, "image/jpeg").key();
        store.retain(key);

        store.release(key);
        assertThat(store.find(key)).isPresent();
        assertThat(readAll(store.open(key))).isEqualTo(Files.readAllBytes(file));

        store.release(key);
        assertThat(store.find(key)).isEmpty();
        assertThat(holdsBytes(key)).isFalse();
        assertThatThrownBy(() -> store.open(key)).isInstanceOf(BlobNotFoundException.class);
        assertThatThrownBy(() -> store.release(key)).isInstanceOf(BlobNotFoundException.class);
    }

    @Test
    void readsAnyRangeOfABlob() throws Exception {
        Path file = randomFile(1_000_000);
        byte[] bytes = Files.readAllBytes(file);
        BlobKey key = store.put(file, "video/mp4").key();

        assertThat(readAll(store.open(key, 0, 10))).isEqualTo(slice(bytes, 0, 10));
        assertThat(readAll(store.open(key, 123_457, 65_536))).isEqualTo(slice(bytes, 123_457, 65_536));
        assertThat(readAll(store.open(key, 999_990, 10))).isEqualTo(slice(bytes, 999_990, 10));
        assertThat(readAll(store.open(key, 500, 0))).isEmpty();
        try (InputStream in = store.open(key, 1000, 2000)) {
            assertThat(in.skip(500)).isEqualTo(500);
            assertThat(in.readAllBytes()).isEqualTo(slice(bytes, 1500, 1500));
        }
    }

    @Test
    void rejectsRangesOutsideTheBlob() throws Exception {
        BlobKey key = store.put(randomFile(1000), "video/mp4").key();

        assertThatThrownBy(() -> store.open(key, 990, 11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open(key, -1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open(key, 0, -5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open(key, Long.MAX_VALUE, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundTripsA20MegabyteFileBySha256() throws Exception {
        Path file = randomFile(20 * 1024 * 1024);
        BlobKey expected = Sha256.of(file);

        Blob blob = store.put(file, "video/mp4");

        assertThat(blob.key()).isEqualTo(expected);
        assertThat(blob.size()).isEqualTo(20 * 1024 * 1024);
        try (InputStream in = store.open(blob.key())) {
            assertThat(Sha256.copy(in, OutputStream.nullOutputStream())).isEqualTo(expected);
        }
        assertThat(Sha256.of(store.localCopy(blob.key()))).isEqualTo(expected);
    }

    @Test
    void concurrentPutsOfIdenticalContentStoreOneObject() throws Exception {
        Path file = randomFile(2 * 1024 * 1024);
        List<Path> copies = IntStream.range(0, 8).mapToObj(i -> copyOf(file)).toList();

        List<Blob> blobs = concurrently(copies.stream().<Callable<Blob>>map(c -> () -> store.put(c, "video/mp4")).toList());

        assertThat(blobs).extracting(Blob::key).containsOnly(Sha256.of(file));
        assertThat(records.references(blobs.get(0).key())).isEqualTo(8);
        assertThat(copiesOf(blobs.get(0).key(), 2 * 1024 * 1024)).isEqualTo(1);
        assertThat(Sha256.of(store.localCopy(blobs.get(0).key()))).isEqualTo(Sha256.of(file));
    }

    @Test
    void concurrentRetainsAndReleasesKeepAnExactCount() throws Exception {
        BlobKey key = store.put(randomFile(5000), "video/mp4").key();
        List<Callable<Object>> work = IntStream.range(0, 8).<Callable<Object>>mapToObj(i -> () -> {
            for (int n = 0; n < 25; n++) {
                store.retain(key);
                store.release(key);
                store.retain(key);
            }
            return null;
        }).toList();

        concurrently(work);

        assertThat(records.references(key)).isEqualTo(1 + 8 * 25);
        assertThat(holdsBytes(key)).isTrue();
    }

    /** How many times to race a put against the final release (remote stores are slower per round). */
    int raceRounds() {
        return 15;
    }

    @Test
    void aPutRacingTheFinalReleaseNeverLosesReferencedBytes() throws Exception {
        for (int round = 0; round < raceRounds(); round++) {
            Path file = randomFile(64 * 1024);
            BlobKey key = store.put(file, "video/mp4").key();
            Path again = copyOf(file);

            concurrently(List.<Callable<Object>>of(() -> {
                store.release(key);
                return null;
            }, () -> store.put(again, "video/mp4")));

            assertThat(records.references(key)).as("round %d", round).isEqualTo(1);
            assertThat(holdsBytes(key)).as("round %d", round).isTrue();
            try (InputStream in = store.open(key)) {
                assertThat(Sha256.copy(in, OutputStream.nullOutputStream())).isEqualTo(key);
            }
        }
    }

    @Test
    void aKeyThatWasNeverStoredIsAClearError() throws Exception {
        BlobKey unknown = Sha256.of(randomFile(10));

        assertThat(store.find(unknown)).isEmpty();
        assertThatThrownBy(() -> store.retain(unknown)).isInstanceOf(BlobNotFoundException.class)
                .hasMessageContaining(unknown.sha256());
        assertThatThrownBy(() -> store.release(unknown)).isInstanceOf(BlobNotFoundException.class);
        assertThatThrownBy(() -> store.open(unknown)).isInstanceOf(BlobNotFoundException.class);
        assertThatThrownBy(() -> store.open(unknown, 0, 1)).isInstanceOf(BlobNotFoundException.class);
        assertThatThrownBy(() -> store.localCopy(unknown)).isInstanceOf(BlobNotFoundException.class);
    }

    @Test
    void releaseInATransactionThatRollsBackKeepsTheBytes() throws Exception {
        BlobKey key = store.put(randomFile(3000), "video/mp4").key();

        transaction.executeWithoutResult(status -> {
            store.release(key);
            status.setRollbackOnly();
        });

        assertThat(records.references(key)).isEqualTo(1);
        assertThat(holdsBytes(key)).isTrue();
    }

    @Test
    void theSweepDeletesBlobsLeftUnreferencedByACrash() throws Exception {
        BlobKey key = store.put(randomFile(3000), "video/mp4").key();
        // as if the process died after the final release committed but before the bytes were deleted
        jdbc.sql("update blobs set refcount = 0 where sha256 = ?").param(key.sha256()).update();

        unreferenced.sweep();

        assertThat(holdsBytes(key)).isFalse();
        assertThat(jdbc.sql("select count(*) from blobs where sha256 = ?").param(key.sha256()).query(Long.class)
                .single()).isZero();
    }

    @Test
    void keepsTheContentTypeOfTheFirstPutAndNeutralisesOddOnes() throws Exception {
        Path file = randomFile(500);
        assertThat(store.put(file, "Video/MP4; codecs=avc1").contentType()).isEqualTo("video/mp4");
        assertThat(store.put(file, "image/png").contentType()).isEqualTo("video/mp4");
        assertThat(store.put(randomFile(500), "../../etc/passwd\r\n").contentType())
                .isEqualTo("application/octet-stream");
    }

    Path randomFile(int size) throws IOException {
        byte[] bytes = new byte[size];
        ThreadLocalRandom.current().nextBytes(bytes);
        return Files.write(Files.createTempFile(dir, "src-", ".bin"), bytes);
    }

    Path copyOf(Path file) {
        try {
            return Files.copy(file, Files.createTempFile(dir, "copy-", ".bin"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    static byte[] slice(byte[] bytes, int from, int length) {
        return java.util.Arrays.copyOfRange(bytes, from, from + length);
    }

    /** Runs the tasks on their own threads, released at the same instant, and returns their results. */
    static <T> List<T> concurrently(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = tasks.stream().map(t -> pool.submit(() -> {
                start.await();
                return t.call();
            })).toList();
            start.countDown();
            List<T> results = new java.util.ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
