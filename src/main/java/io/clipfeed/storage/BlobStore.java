package io.clipfeed.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Content-addressed, reference-counted blob storage. Identical bytes are stored once; every {@link #put} or
 * {@link #retain} adds a reference and every {@link #release} drops one; bytes are deleted when none remain.
 * Implementations: local filesystem (default) and S3.
 * <p>
 * A key with no live reference makes {@link #retain}, {@link #release}, {@link #open} and {@link #localCopy}
 * throw {@link BlobNotFoundException}; {@link #find} returns empty. All methods are safe to call concurrently,
 * from any number of processes sharing the database and the bytes.
 */
public interface BlobStore {

    /**
     * Stores the file's bytes (the file itself is left in place; the caller deletes it, and must not change it
     * while this runs) and adds one reference. Returns the existing blob when identical bytes are already stored:
     * its content type is the one of the first put. A content type that is not a plain {@code type/subtype} is
     * stored as {@code application/octet-stream}.
     */
    Blob put(Path file, String contentType) throws IOException;

    /**
     * Like {@link #put}, but the store may take the file's bytes over instead of copying them: the local store
     * hard-links the file into place when it lies on the same file system (no copy, no second fsync of the data),
     * and copies otherwise. The caller promises the file is already forced to disk and never changes again (not
     * even after this returns: the stored blob may share its bytes); it still deletes its own name for the file
     * afterwards. Calling it again for the same file after a crash is safe: the bytes are only linked once.
     */
    default Blob adopt(Path durableFile, String contentType) throws IOException {
        return put(durableFile, contentType);
    }

    /** Adds a reference to an existing blob. */
    Blob retain(BlobKey key);

    /** Drops a reference; deletes the bytes when it was the last. */
    void release(BlobKey key);

    Optional<Blob> find(BlobKey key);

    /** Reads the whole blob. */
    InputStream open(BlobKey key) throws IOException;

    /**
     * Reads {@code length} bytes starting at {@code offset}; the range must lie within the blob
     * ({@link IllegalArgumentException} otherwise).
     */
    InputStream open(BlobKey key, long offset, long length) throws IOException;

    /**
     * A local file holding the blob's bytes, readable but never to be modified: the stored file itself for the
     * filesystem store, a cached download for S3. Used for zero-copy serving and for FFmpeg input.
     */
    Path localCopy(BlobKey key) throws IOException;

    /**
     * A time-limited URL from which a client can fetch the blob directly (S3), or empty when the store cannot
     * hand out such URLs (local filesystem): the caller then streams the bytes itself.
     */
    default Optional<URI> presignedGet(BlobKey key, Duration validFor) {
        return Optional.empty();
    }
}
