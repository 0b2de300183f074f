package io.clipfeed.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Content-addressed, reference-counted blob storage. Identical bytes are stored once; every {@link #put} or
 * {@link #retain} adds a reference and every {@link #release} drops one; bytes are deleted when none remain.
 * Implementations: local filesystem (default) and S3.
 */
public interface BlobStore {

    /**
     * Stores the file's bytes (the file itself is left in place; the caller deletes it) and adds one reference.
     * Returns the existing blob when identical bytes are already stored.
     */
    Blob put(Path file, String contentType) throws IOException;

    /** Adds a reference to an existing blob. */
    Blob retain(BlobKey key);

    /** Drops a reference; deletes the bytes when it was the last. */
    void release(BlobKey key);

    Optional<Blob> find(BlobKey key);

    /** Reads the whole blob. */
    InputStream open(BlobKey key) throws IOException;

    /** Reads {@code length} bytes starting at {@code offset}. */
    InputStream open(BlobKey key, long offset, long length) throws IOException;

    /**
     * A local file holding the blob's bytes, readable but never to be modified: the stored file itself for the
     * filesystem store, a cached download for S3. Used for zero-copy serving and for FFmpeg input.
     */
    Path localCopy(BlobKey key) throws IOException;
}
