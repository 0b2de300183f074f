package io.clipfeed.upload;

import java.io.InputStream;

/**
 * One PATCH (or the body of a creation-with-upload POST): where the client believes the upload stands, the length
 * it declares late (deferred length), the body's declared size if any, and an optional checksum.
 */
public record Chunk(long offset, Long declaredLength, Long contentLength, InputStream body, UploadChecksum checksum) {
}
