package io.clipfeed.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.clipfeed.storage.spi.Sha256;

/** The default store: files under {@code ${clipfeed.data-dir}/blobs}. */
class LocalBlobStoreIT extends BlobStoreContract {

    private static final Path BLOBS = DATA_DIR.resolve("blobs");

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
    void handsOutNoPresignedUrls() throws Exception {
        Blob blob = store.put(randomFile(100), "video/mp4");

        assertThat(store.presignedGet(blob.key(), Duration.ofMinutes(5))).isEmpty();
    }
}
