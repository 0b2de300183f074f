package io.clipfeed.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A content-addressed directory for file-level tests (until storage's BlobStore is on main): keeps each stored
 * file under {@code <sha256>.<ext>}, the name playlists refer to, so FFmpeg can open the package from here.
 */
final class StoreDirectory implements AssetSink {

    private final Path dir;

    StoreDirectory(Path dir) {
        this.dir = dir;
    }

    @Override
    public String store(Path file, String contentType) throws IOException {
        String sha = sha256(file);
        Files.copy(file, dir.resolve(sha + extension(contentType)), StandardCopyOption.REPLACE_EXISTING);
        return sha;
    }

    Path dir() {
        return dir;
    }

    Path file(String sha, String extension) {
        return dir.resolve(sha + extension);
    }

    private static String extension(String contentType) {
        return switch (contentType) {
            case "video/iso.segment" -> ".m4s";
            case "application/vnd.apple.mpegurl" -> ".m3u8";
            case "image/jpeg" -> ".jpg";
            case "image/webp" -> ".webp";
            default -> ".mp4";
        };
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
