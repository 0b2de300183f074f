package io.clipfeed.storage.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.clipfeed.storage.BlobKey;
import io.clipfeed.storage.spi.Staged;

/**
 * A hashed, fsync'd copy of the caller's file in the store's temp directory, waiting to be moved into place; or,
 * for a durable source ({@link #linkable()}), no copy at all: the source itself is linked into place.
 */
final class LocalStaged implements Staged {

    private final BlobKey key;
    private final long size;
    private final Path source;
    private final boolean linkable;
    private Path copy;

    LocalStaged(BlobKey key, long size, Path source, Path copy) {
        this(key, size, source, copy, false);
    }

    private LocalStaged(BlobKey key, long size, Path source, Path copy, boolean linkable) {
        this.key = key;
        this.size = size;
        this.source = source;
        this.copy = copy;
        this.linkable = linkable;
    }

    /** A durable source that was only hashed: it may be hard-linked into the store instead of copied. */
    static LocalStaged linkable(BlobKey key, long size, Path source) {
        return new LocalStaged(key, size, source, null, true);
    }

    boolean linkable() {
        return linkable;
    }

    @Override
    public BlobKey key() {
        return key;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public Path source() {
        return source;
    }

    /** The staged copy, or null once it was moved into the store. */
    Path copy() {
        return copy;
    }

    void replaceCopy(Path newCopy) {
        this.copy = newCopy;
    }

    @Override
    public void close() {
        try {
            if (copy != null) {
                Files.deleteIfExists(copy);
            }
        } catch (IOException e) {
            // a leftover temp file is removed at the next start; nothing else depends on it
        }
    }
}
