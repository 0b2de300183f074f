package io.clipfeed.storage;

import java.util.regex.Pattern;

/** The address of stored bytes: the lower-case hex SHA-256 of their content. Never built from user input. */
public record BlobKey(String sha256) {

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public BlobKey {
        if (sha256 == null || !HEX64.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 hex digest");
        }
    }

    public static boolean isValid(String value) {
        return value != null && HEX64.matcher(value).matches();
    }

    @Override
    public String toString() {
        return sha256;
    }
}
