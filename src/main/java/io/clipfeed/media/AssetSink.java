package io.clipfeed.media;

import java.io.IOException;
import java.nio.file.Path;

/** Where finished files go: stored as a content-addressed blob kept for the video; returns the blob's SHA-256. */
@FunctionalInterface
interface AssetSink {
    String store(Path file, String contentType) throws IOException;
}
