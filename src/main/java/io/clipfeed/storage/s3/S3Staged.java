package io.clipfeed.storage.s3;

import java.nio.file.Path;

import io.clipfeed.storage.BlobKey;
import io.clipfeed.storage.spi.Staged;

/** S3 needs no local copy: the source is hashed, then uploaded from where it lies. */
record S3Staged(BlobKey key, long size, Path source) implements Staged {

    @Override
    public void close() {
        // nothing was copied aside
    }
}
