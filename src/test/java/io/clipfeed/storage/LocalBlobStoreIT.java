package io.clipfeed.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.clipfeed.storage.spi.ByteStore;
import io.clipfeed.storage.spi.Sha256;
import io.clipfeed.storage.spi.Staged;

/** The default store: files under {@code ${clipfeed.data-dir}/blobs}. */
class LocalBlobStoreIT extends BlobStoreContract {

    private static final Path BLOBS = DATA_DIR.resolve("blobs");

    @Autowired
    ByteStore bytes;

    private static Path expectedPath(BlobKey key) {
        String hex = key.sha256();
        return BLOBS.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
    }

    @Override
    String storeTag() {
        return "local";
    }

    @Override
    boolean holdsBytes(BlobKey key) {
        return Files.exists(expectedPath(key));
    }

    @Override
    long copiesOf(BlobKey key, long size) throws IOException {
        try (Stream<Path> files = Files.walk(BLOBS)) { // temp copies included: none may be left behind
            return files.filter(Files::isRegularFile).filter(f -> sizeOf(f) == size).filter(f -> holds(f, key))
                    .count();
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException vanished) {
            return -1; // a temp file of another put, gone meanwhile
        }
    }

    private static boolean holds(Path file, BlobKey key) {
        try {
            return Sha256.of(file).equals(key);
        } catch (IOException vanished) {
            return false;
        }
    }

    @Test
    void storesEachBlobReadOnlyAtAPathMadeOnlyFromItsHash() throws Exception {
        Path file = randomFile(4096);
        Blob blob = store.put(file, "video/mp4");

        Path stored = store.localCopy(blob.key());

        assertThat(stored).isEqualTo(expectedPath(blob.key()).toAbsolutePath().normalize());
        assertThat(Files.readAllBytes(stored)).isEqualTo(Files.readAllBytes(file));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stored))).isEqualTo("r--r--r--");
        assertThat(file).exists(); // the caller's file is left alone
    }

    @Test
    void adoptLinksAFileOnTheSameFileSystemIntoPlaceInsteadOfCopyingIt() throws Exception {
        Path file = randomFile(200_000);
        byte[] bytes = Files.readAllBytes(file);

        Blob blob = store.adopt(file, "video/mp4");

        Path stored = store.localCopy(blob.key());
        assertThat(blob.key()).isEqualTo(Sha256.of(file));
        assertThat(Files.getAttribute(stored, "unix:ino")).isEqualTo(Files.getAttribute(file, "unix:ino"));
        assertThat(Files.readAllBytes(stored)).isEqualTo(bytes);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stored))).isEqualTo("r--r--r--");
        assertThat(records.references(blob.key())).isEqualTo(1);
        try (Stream<Path> temp = Files.list(BLOBS.resolve("tmp"))) {
            assertThat(temp.filter(f -> sizeOf(f) == 200_000)).isEmpty(); // no staged copy was made
        }
    }

    @Test
    void adoptAfterACrashBetweenTheLinkAndTheCountStoresOnceAndCountsOnce() throws Exception {
        Path file = randomFile(30_000);
        try (Staged linkedThenCrashed = bytes.stageDurable(file)) {
            bytes.store(linkedThenCrashed, "video/mp4"); // the bytes are in place, no row counts them yet
        }

        Blob blob = store.adopt(file, "video/mp4"); // the completion job runs again

        assertThat(records.references(blob.key())).isEqualTo(1);
        assertThat(copiesOf(blob.key(), 30_000)).isEqualTo(1);
        assertThat(Files.getAttribute(store.localCopy(blob.key()), "unix:ino"))
                .isEqualTo(Files.getAttribute(file, "unix:ino"));
    }

    @Test
    void adoptOfBytesAlreadyStoredKeepsTheStoredFileAndLeavesTheSourceToTheCaller() throws Exception {
        Path file = randomFile(30_000);
        Blob first = store.put(file, "video/mp4");
        Path again = copyOf(file);

        Blob second = store.adopt(again, "video/mp4");

        assertThat(second).isEqualTo(first);
        assertThat(records.references(first.key())).isEqualTo(2);
        assertThat(Files.getAttribute(store.localCopy(first.key()), "unix:ino"))
                .isNotEqualTo(Files.getAttribute(again, "unix:ino"));
        assertThat(Files.getAttribute(again, "unix:nlink")).isEqualTo(1);
    }

    @Test
    void handsOutNoPresignedUrls() throws Exception {
        Blob blob = store.put(randomFile(100), "video/mp4");

        assertThat(store.presignedGet(blob.key(), Duration.ofMinutes(5))).isEmpty();
    }
}
