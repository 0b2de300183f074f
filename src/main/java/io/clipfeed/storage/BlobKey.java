package io.clipfeed.storage;

/** The address of stored bytes: the lower-case hex SHA-256 of their content. Never built from user input. */
public record BlobKey(String sha256) {

    public BlobKey {
        if (!isValid(sha256)) {
            throw new IllegalArgumentException("not a SHA-256 hex digest");
        }
    }

    public static boolean isValid(String value) {
        if (value == null || value.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true; // as [0-9a-f]{64}, without a regex: checked on every media request
    }

    @Override
    public String toString() {
        return sha256;
    }
}
