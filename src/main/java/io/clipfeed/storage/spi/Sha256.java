package io.clipfeed.storage.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.clipfeed.storage.BlobKey;

/** The one way a blob's key is computed: SHA-256 of its bytes, streamed, never held in memory. */
public final class Sha256 {

    private static final int BUFFER = 256 * 1024;

    private Sha256() {
    }

    /** Copies {@code in} to {@code out} and returns the key of the bytes copied. */
    public static BlobKey copy(InputStream in, OutputStream out) throws IOException {
        MessageDigest digest = newDigest();
        try (DigestInputStream hashing = new DigestInputStream(in, digest)) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = hashing.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
            }
        }
        return new BlobKey(HexFormat.of().formatHex(digest.digest()));
    }

    public static BlobKey of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return copy(in, OutputStream.nullOutputStream());
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
