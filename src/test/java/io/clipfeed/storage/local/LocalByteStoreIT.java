package io.clipfeed.storage.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.clipfeed.storage.spi.Sha256;
import io.clipfeed.storage.spi.Staged;

/** The filesystem store on its own, on a real directory. */
@io.clipfeed.DatabaseFree
class LocalByteStoreIT {

    @TempDir
    Path root;

    @Test
    void removesTempFilesLeftByACrashAtStartButSparesFreshOnes() throws Exception {
        Instant now = Instant.now();
        Path temp = Files.createDirectories(root.resolve("tmp"));
        Path leftover = Files.writeString(temp.resolve("put-1.tmp"), "half a clip");
        Files.setLastModifiedTime(leftover, FileTime.from(now.minus(Duration.ofHours(2))));
        Path inFlight = Files.writeString(temp.resolve("put-2.tmp"), "another process is writing this");

        new LocalByteStore(root, now);

        assertThat(leftover).doesNotExist();
        assertThat(inFlight).exists();
    }

    @Test
    void storesUnderAShardedPathFromTheHashAndLeavesNoTempFiles() throws Exception {
        LocalByteStore store = new LocalByteStore(root, Instant.now());
        Path source = Files.write(root.resolveSibling(root.getFileName() + "-src.bin"), new byte[] {1, 2, 3});
        try (Staged staged = store.stage(source)) {
            store.store(staged, "video/mp4");
            String hex = Sha256.of(source).sha256();

            assertThat(store.localCopy(staged.key()))
                    .isEqualTo(root.toAbsolutePath().resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex));
            assertThat(Files.list(root.resolve("tmp"))).isEmpty();
        } finally {
            Files.deleteIfExists(source);
        }
    }

    @Test
    void storesAgainFromTheSourceWhenTheFirstCopyWasDeletedMeanwhile() throws Exception {
        LocalByteStore store = new LocalByteStore(root, Instant.now());
        Path source = Files.write(root.resolveSibling(root.getFileName() + "-src2.bin"), new byte[] {4, 5, 6});
        try (Staged staged = store.stage(source)) {
            store.store(staged, "video/mp4");
            store.delete(staged.key()); // a concurrent purge

            store.store(staged, "video/mp4");

            assertThat(Files.readAllBytes(store.localCopy(staged.key()))).containsExactly(4, 5, 6);
        } finally {
            Files.deleteIfExists(source);
        }
    }
}
