package io.clipfeed.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * The HMAC keys of media URLs: the configured ones, or a single key generated once and kept under the data
 * directory so that URLs handed out before a restart stay valid after it.
 */
final class SigningKeys {

    static final int MIN_KEY_BYTES = 32;
    static final String KEY_FILE = "delivery/signing-key";

    private SigningKeys() {
    }

    static List<byte[]> resolve(List<String> configured, Path dataDir) {
        if (!configured.isEmpty()) {
            return configured.stream().map(SigningKeys::decode).toList();
        }
        return List.of(persisted(dataDir.resolve(KEY_FILE)));
    }

    static byte[] decode(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("clipfeed.delivery.signing-keys: a key is not valid base64");
        }
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException(
                    "clipfeed.delivery.signing-keys: each key needs at least " + MIN_KEY_BYTES + " bytes");
        }
        return key;
    }

    private static byte[] persisted(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII));
            }
            byte[] key = new byte[MIN_KEY_BYTES];
            new SecureRandom().nextBytes(key);
            write(file, Base64.getEncoder().encodeToString(key));
            return decode(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the media signing key " + file, e);
        }
    }

    private static void write(Path file, String encoded) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "signing-key", ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // non-POSIX file systems keep their default permissions
        }
        Files.writeString(tmp, encoded, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        try {
            // a hard link never replaces: when two processes start together the first wins, both read it back
            Files.createLink(file, tmp);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // another process created the key first
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
