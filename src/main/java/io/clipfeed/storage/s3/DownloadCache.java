package io.clipfeed.storage.s3;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

import io.clipfeed.storage.BlobKey;

/**
 * Local copies of S3 blobs for FFmpeg and zero-copy serving, bounded in total size: the least recently used go
 * first. One download per key at a time; every download is checked against its SHA-256 before it is used.
 * (A reader that already opened an evicted file keeps reading it: the file system frees it on close.)
 */
final class DownloadCache {

    /** Writes the object's bytes to the given file and returns the SHA-256 of what it wrote. */
    interface Download {
        BlobKey into(Path file) throws IOException;
    }

    private final Path dir;
    private final Path temp;
    private final long maxBytes;
    private final LinkedHashMap<BlobKey, Long> sizes = new LinkedHashMap<>(64, 0.75f, true);
    private final Map<BlobKey, ReentrantLock> downloading = new ConcurrentHashMap<>();
    private long total;

    DownloadCache(Path dir, long maxBytes) throws IOException {
        this.dir = dir.toAbsolutePath().normalize();
        this.temp = this.dir.resolve("tmp");
        this.maxBytes = maxBytes;
        Files.createDirectories(temp);
        clearTemp();
        loadExisting();
    }

    Path pathOf(BlobKey key) {
        return dir.resolve(key.sha256().substring(0, 2)).resolve(key.sha256());
    }

    Path get(BlobKey key, Download download) throws IOException {
        Path cached = lookup(key);
        if (cached != null) {
            return cached;
        }
        ReentrantLock lock = downloading.computeIfAbsent(key, k -> new ReentrantLock());
        lock.lock();
        try {
            cached = lookup(key);
            return cached != null ? cached : fetch(key, download);
        } finally {
            lock.unlock();
            downloading.remove(key, lock);
        }
    }

    private Path fetch(BlobKey key, Download download) throws IOException {
        Path file = Files.createTempFile(temp, "get-", ".tmp");
        try {
            BlobKey got = download.into(file);
            if (!got.equals(key)) {
                throw new IOException("object for blob " + key + " holds other bytes (" + got + ")");
            }
            Path target = pathOf(key);
            Files.createDirectories(target.getParent());
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            add(key, Files.size(target));
            return target;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private synchronized Path lookup(BlobKey key) {
        Path file = pathOf(key);
        if (sizes.get(key) != null && Files.isRegularFile(file)) {
            return file;
        }
        Long stale = sizes.remove(key);
        total -= stale == null ? 0 : stale;
        return null;
    }

    /** Records a new copy and evicts the least recently used others until the total fits again. */
    private synchronized void add(BlobKey key, long size) throws IOException {
        Long previous = sizes.put(key, size);
        total += size - (previous == null ? 0 : previous);
        Iterator<Map.Entry<BlobKey, Long>> oldestFirst = sizes.entrySet().iterator();
        while (total > maxBytes && oldestFirst.hasNext()) {
            Map.Entry<BlobKey, Long> eldest = oldestFirst.next();
            if (!eldest.getKey().equals(key)) {
                Files.deleteIfExists(pathOf(eldest.getKey()));
                total -= eldest.getValue();
                oldestFirst.remove();
            }
        }
    }

    synchronized void evict(BlobKey key) throws IOException {
        Long size = sizes.remove(key);
        total -= size == null ? 0 : size;
        Files.deleteIfExists(pathOf(key));
    }

    synchronized long totalBytes() {
        return total;
    }

    private void clearTemp() throws IOException {
        try (Stream<Path> files = Files.list(temp)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Copies kept from the last run count towards the bound, oldest first in line for eviction. */
    private void loadExisting() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir, 2)) {
            files = walk.filter(Files::isRegularFile).filter(f -> BlobKey.isValid(f.getFileName().toString()))
                    .filter(f -> f.getParent().getParent().equals(dir)).sorted(Comparator.comparing(DownloadCache::modified))
                    .toList();
        }
        for (Path file : files) {
            BlobKey key = new BlobKey(file.getFileName().toString());
            if (file.equals(pathOf(key))) {
                add(key, Files.size(file));
            }
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
