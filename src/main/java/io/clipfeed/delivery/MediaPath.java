package io.clipfeed.delivery;

import java.util.Optional;

import io.clipfeed.platform.Ids;
import io.clipfeed.storage.BlobKey;

/**
 * A parsed media URL {@code /media/v/{videoId}/{expires}/{signature}/{sha256}.{ext}}. Anything that does not have
 * exactly this shape names nothing (404) before any signature is computed or any lookup made.
 */
record MediaPath(String videoId, long expires, String signature, String sha256, String extension,
        String contentType) {

    static final String PREFIX = "/media/v/";

    static Optional<MediaPath> parse(String videoId, String expires, String signature, String file) {
        int dot = file.lastIndexOf('.');
        // plain character checks, not regexes: this runs for every media request
        if (!Ids.isWellFormed(videoId) || !digits(expires, 1, 12)
                || signature.length() != MediaSigner.SIGNATURE_CHARS || !base64Url(signature) || dot < 0) {
            return Optional.empty();
        }
        String sha256 = file.substring(0, dot);
        String extension = file.substring(dot + 1);
        if (!BlobKey.isValid(sha256)) {
            return Optional.empty();
        }
        return MediaTypes.forExtension(extension).map(type -> new MediaPath(videoId, Long.parseLong(expires),
                signature, sha256, extension, type));
    }

    private static boolean digits(String s, int min, int max) {
        if (s.length() < min || s.length() > max) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean base64Url(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    static String prefix(String baseUrl, String videoId, long expires, String signature) {
        return baseUrl + PREFIX + videoId + '/' + expires + '/' + signature + '/';
    }
}
