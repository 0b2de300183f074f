package io.clipfeed.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.clipfeed.storage.BlobKey;
import io.clipfeed.storage.spi.Sha256;

/** The bounded cache of local copies, on a real directory, fed by downloads that write known bytes. */
@io.clipfeed.DatabaseFree
class DownloadCacheIT {

    @TempDir
    Path dir;

    private final AtomicInteger downloads = new AtomicInteger();

    @Test
    void evictsTheLeastRecentlyUsedCopiesBeyondItsBound() throws Exception {
        DownloadCache cache = new DownloadCache(dir, 250);
        byte[] a = random(100);
        byte[] b = random(100);
        byte[] c = random(100);

        Path copyOfA = cache.get(key(a), download(a));
        Path copyOfB = cache.get(key(b), download(b));
        cache.get(key(a), download(a)); // A is now more recently used than B
        Path copyOfC = cache.get(key(c), download(c));

        assertThat(copyOfA).exists();
        assertThat(copyOfB).doesNotExist();
        assertThat(copyOfC).exists();
        assertThat(cache.totalBytes()).isEqualTo(200);
        assertThat(downloads).hasValue(3);
    }

    @Test
    void refusesADownloadWhoseBytesDoNotMatchTheKey() throws Exception {
        DownloadCache cache = new DownloadCache(dir, 1000);
        byte[] expected = random(50);

        assertThatThrownBy(() -> cache.get(key(expected), download(random(50))))
                .isInstanceOf(IOException.class).hasMessageContaining("other bytes");
        assertThat(cache.pathOf(key(expected))).doesNotExist();
    }

    @Test
    void keepsCopiesFromTheLastRunWithinTheBound() throws Exception {
        byte[] a = random(100);
        Path kept = new DownloadCache(dir, 1000).get(key(a), download(a));

        DownloadCache restarted = new DownloadCache(dir, 1000);

        assertThat(restarted.get(key(a), download(a))).isEqualTo(kept);
        assertThat(restarted.totalBytes()).isEqualTo(100);
        assertThat(downloads).hasValue(1);
    }

    private DownloadCache.Download download(byte[] bytes) {
        return file -> {
            downloads.incrementAndGet();
            try (OutputStream out = Files.newOutputStream(file)) {
                return Sha256.copy(new ByteArrayInputStream(bytes), out);
            }
        };
    }

    private static BlobKey key(byte[] bytes) throws IOException {
        return Sha256.copy(new ByteArrayInputStream(bytes), OutputStream.nullOutputStream());
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
