package io.clipfeed.storage;

/** Stored bytes: their key, length and media type. */
public record Blob(BlobKey key, long size, String contentType) {
}
