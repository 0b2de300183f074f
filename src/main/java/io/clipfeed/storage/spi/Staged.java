package io.clipfeed.storage.spi;

import java.io.Closeable;
import java.nio.file.Path;

import io.clipfeed.storage.BlobKey;

/**
 * Bytes read and hashed, ready to be stored under {@link #key()}. {@link #close()} discards whatever staging
 * left behind (a temporary copy); the caller's {@link #source()} is never touched.
 */
public interface Staged extends Closeable {

    BlobKey key();

    long size();

    Path source();

    @Override
    void close();
}
