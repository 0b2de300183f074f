package io.clipfeed.storage.spi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.clipfeed.storage.BlobKey;

/**
 * Where the bytes of blobs live (local filesystem or S3), without any notion of references: the counting,
 * locking and deciding when bytes may go is done once, above every implementation, against the {@code blobs}
 * table. Every operation is idempotent; a missing object is reported as {@link NoSuchFileException}.
 */
public interface ByteStore {

    /** Reads the source once, learning its SHA-256 and size (and, for some stores, copying it aside). */
    Staged stage(Path source) throws IOException;

    /**
     * Like {@link #stage}, for a source that is already durable and never changes again: a store may then keep the
     * source's bytes themselves rather than a copy (see {@code BlobStore.adopt}). By default it stages a copy.
     */
    default Staged stageDurable(Path source) throws IOException {
        return stage(source);
    }

    /** Makes the staged bytes durable under their key. Storing bytes that are already there is harmless. */
    void store(Staged staged, String contentType) throws IOException;

    boolean contains(BlobKey key) throws IOException;

    /** Removes the bytes (and any local copy); removing absent bytes is a no-op. */
    void delete(BlobKey key) throws IOException;

    InputStream open(BlobKey key, long offset, long length) throws IOException;

    Path localCopy(BlobKey key) throws IOException;

    default Optional<URI> presignedGet(BlobKey key, String contentType, Duration validFor) {
        return Optional.empty();
    }
}
