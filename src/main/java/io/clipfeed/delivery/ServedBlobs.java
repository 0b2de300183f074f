package io.clipfeed.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.clipfeed.storage.Blob;
import io.clipfeed.storage.BlobKey;
import io.clipfeed.storage.BlobStore;

/**
 * Stored bytes as delivery reads them. Blobs are content-addressed, so their length never changes and can be
 * remembered; the local file is remembered too, and forgotten if it has gone (a released blob).
 */
@Component
class ServedBlobs {

    private static final int MAX_ENTRIES = 50_000;
    private final BlobStore store;
    private final Map<String, Blob> blobs = new ConcurrentHashMap<>();
    private final Map<String, Path> files = new ConcurrentHashMap<>();

    ServedBlobs(BlobStore store) {
        this.store = store;
    }

    Optional<Blob> find(String sha256) {
        Blob known = blobs.get(sha256);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Blob> blob = store.find(new BlobKey(sha256));
        blob.ifPresent(b -> remember(blobs, sha256, b));
        return blob;
    }

    /**
     * A readable local file with the blob's bytes, for zero-copy sending, by its canonical path (as Tomcat's
     * sendfile requires; resolved once, not per request).
     */
    Path localFile(String sha256) throws IOException {
        Path file = files.get(sha256);
        if (file != null && Files.isReadable(file)) {
            return file;
        }
        file = store.localCopy(new BlobKey(sha256)).toRealPath();
        remember(files, sha256, file);
        return file;
    }

    /** True when the blob and its local file are remembered, so finding them costs no store round trip. */
    boolean known(String sha256) {
        return blobs.containsKey(sha256) && files.containsKey(sha256);
    }

    InputStream open(String sha256, long offset, long length) throws IOException {
        return store.open(new BlobKey(sha256), offset, length);
    }

    void forget(String sha256) {
        blobs.remove(sha256);
        files.remove(sha256);
    }

    private static <V> void remember(Map<String, V> map, String key, V value) {
        if (map.size() >= MAX_ENTRIES) {
            map.clear();
        }
        map.put(key, value);
    }
}
