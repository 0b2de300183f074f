package io.clipfeed.delivery;

import java.util.Map;
import java.util.Optional;

/**
 * The file extensions media URLs may carry and the type each is served as. The extension is chosen by delivery (or
 * written by the packager into playlists), never trusted to name a file: bytes are found by their SHA-256 alone.
 */
final class MediaTypes {

    static final String HLS_PLAYLIST = "application/vnd.apple.mpegurl";
    private static final Map<String, String> BY_EXTENSION = Map.of(
            "mp4", "video/mp4",
            "m4s", "video/iso.segment",
            "m3u8", HLS_PLAYLIST,
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg",
            "webp", "image/webp",
            "png", "image/png",
            "vtt", "text/vtt; charset=utf-8",
            "m4a", "audio/mp4");
    private static final Map<String, String> EXTENSION_OF = Map.of(
            "video/mp4", "mp4", "video/iso.segment", "m4s", HLS_PLAYLIST, "m3u8",
            "application/x-mpegurl", "m3u8", "image/jpeg", "jpg", "image/webp", "webp", "image/png", "png",
            "text/vtt", "vtt", "audio/mp4", "m4a");

    private MediaTypes() {
    }

    static Optional<String> forExtension(String extension) {
        return Optional.ofNullable(BY_EXTENSION.get(extension));
    }

    /** The extension a stored blob of this content type is linked with; {@code fallback} when unknown. */
    static String extensionFor(String contentType, String fallback) {
        if (contentType == null) {
            return fallback;
        }
        int semicolon = contentType.indexOf(';');
        String bare = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase();
        return EXTENSION_OF.getOrDefault(bare, fallback);
    }

    static boolean isPlaylist(String extension) {
        return "m3u8".equals(extension);
    }
}
