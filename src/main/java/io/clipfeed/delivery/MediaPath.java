package io.clipfeed.delivery;

import java.util.Optional;
import java.util.regex.Pattern;

import io.clipfeed.platform.Ids;
import io.clipfeed.storage.BlobKey;

/**
 * A parsed media URL {@code /media/v/{videoId}/{expires}/{signature}/{sha256}.{ext}}. Anything that does not have
 * exactly this shape names nothing (404) before any signature is computed or any lookup made.
 */
record MediaPath(String videoId, long expires, String signature, String sha256, String extension,
        String contentType) {

    static final String PREFIX = "/media/v/";
    private static final Pattern EXPIRES = Pattern.compile("[0-9]{1,12}");
    private static final Pattern SIGNATURE = Pattern.compile("[A-Za-z0-9_-]{" + MediaSigner.SIGNATURE_CHARS + "}");

    static Optional<MediaPath> parse(String videoId, String expires, String signature, String file) {
        int dot = file.lastIndexOf('.');
        if (!Ids.isWellFormed(videoId) || !EXPIRES.matcher(expires).matches()
                || !SIGNATURE.matcher(signature).matches() || dot < 0) {
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

    static String prefix(String baseUrl, String videoId, long expires, String signature) {
        return baseUrl + PREFIX + videoId + '/' + expires + '/' + signature + '/';
    }
}
