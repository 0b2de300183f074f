package io.clipfeed.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks the per-video prefix of media URLs: HMAC-SHA256 over the video id, the expiry (epoch seconds)
 * and, for private videos, the viewer's id. The file name is deliberately not covered: playlists name segments by
 * relative URIs, which resolve under the same signed prefix. The first key signs; every key verifies (rotation).
 */
final class MediaSigner {

    static final int SIGNATURE_CHARS = 43;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    /** Initialised once per key and cloned per use: far cheaper than a provider lookup on every request. */
    private final List<Mac> keys;

    MediaSigner(List<byte[]> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one signing key is needed");
        }
        this.keys = keys.stream().map(MediaSigner::initialised).toList();
    }

    private static Mac initialised(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** {@code viewerId} is empty for videos anyone may watch. */
    String sign(String videoId, long expiresEpochSecond, String viewerId) {
        return B64.encodeToString(mac(keys.get(0), videoId, expiresEpochSecond, viewerId));
    }

    boolean verify(String videoId, long expiresEpochSecond, String viewerId, String signature) {
        if (signature == null || signature.length() != SIGNATURE_CHARS) {
            return false;
        }
        byte[] presented = signature.getBytes(StandardCharsets.US_ASCII);
        for (Mac key : keys) {
            byte[] expected = B64.encode(mac(key, videoId, expiresEpochSecond, viewerId));
            if (MessageDigest.isEqual(expected, presented)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] mac(Mac prototype, String videoId, long expires, String viewerId) {
        try {
            Mac mac = (Mac) prototype.clone();
            String message = "clipfeed-media-v1\n" + videoId + "\n" + expires + "\n" + viewerId;
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's HmacSHA256 can be cloned", e);
        }
    }
}
