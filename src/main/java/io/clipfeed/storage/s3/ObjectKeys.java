package io.clipfeed.storage.s3;

import io.clipfeed.storage.BlobKey;

/**
 * The one place S3 object keys are made: {@code blobs/ab/abcd…} from the SHA-256 alone. The two-hex-digit level
 * spreads keys over prefixes (S3 scales request rates per prefix) and keeps listings by hand short.
 */
final class ObjectKeys {

    static final String ROOT = "blobs/";

    private ObjectKeys() {
    }

    static String of(BlobKey key) {
        String hex = key.sha256();
        return ROOT + hex.substring(0, 2) + "/" + hex;
    }
}
