package io.clipfeed.upload;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** The checksum a client declared for one chunk ({@code Upload-Checksum}); sha1 and sha256 are supported. */
public record UploadChecksum(String algorithm, byte[] expected) {

    public static final String SUPPORTED = "sha1,sha256";

    public UploadChecksum {
        if (!isSupported(algorithm)) {
            throw new IllegalArgumentException("unsupported checksum algorithm");
        }
        expected = expected.clone();
    }

    public static boolean isSupported(String algorithm) {
        return "sha1".equals(algorithm) || "sha256".equals(algorithm);
    }

    MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("sha1".equals(algorithm) ? "SHA-1" : "SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM lacks " + algorithm, e);
        }
    }

    boolean matches(byte[] actual) {
        return MessageDigest.isEqual(expected, actual);
    }

    @Override
    public byte[] expected() {
        return expected.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UploadChecksum c && c.algorithm.equals(algorithm) && Arrays.equals(c.expected, expected);
    }

    @Override
    public int hashCode() {
        return algorithm.hashCode() * 31 + Arrays.hashCode(expected);
    }

    @Override
    public String toString() {
        return "UploadChecksum[" + algorithm + "]";
    }
}
