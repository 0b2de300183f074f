package io.clipfeed.social;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.springframework.stereotype.Service;

import io.clipfeed.platform.ApiProblem;

/** Uploading, removing and serving profile pictures. */
@Service
class Avatars {

    /** What GET /users/{id}/avatar sends: the stored JPEG or the generated SVG, with its validator. */
    record Picture(byte[] bytes, String contentType, String etag) {
    }

    // A decoded 4096² picture takes 64 MB; a couple at a time keeps a burst of uploads from exhausting the heap.
    private static final int CONCURRENT_DECODES = 2;

    private final AvatarStore store;
    private final Clock clock;
    private final Semaphore decoding = new Semaphore(CONCURRENT_DECODES);

    Avatars(AvatarStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        // ImageIO finds plugins (the WebP reader) through the class loader that first touches it: scan with ours.
        ImageIO.scanForPlugins();
    }

    void replace(String userId, byte[] upload) {
        byte[] jpeg = withDecodePermit(() -> AvatarImage.process(upload));
        store.save(userId, jpeg, etag(jpeg), clock.instant());
    }

    void remove(String userId) {
        store.delete(userId);
    }

    boolean hasUploaded(String userId) {
        return store.find(userId).isPresent();
    }

    Picture pictureOf(String userId, String username) {
        Optional<AvatarStore.Stored> stored = store.find(userId);
        if (stored.isPresent()) {
            return new Picture(stored.get().image(), "image/jpeg", stored.get().etag());
        }
        byte[] svg = AvatarDefault.svg(userId, username).getBytes(StandardCharsets.UTF_8);
        return new Picture(svg, "image/svg+xml", etag(svg));
    }

    private byte[] withDecodePermit(java.util.function.Supplier<byte[]> work) {
        try {
            if (!decoding.tryAcquire(10, TimeUnit.SECONDS)) {
                throw ApiProblem.tooManyRequests("Many pictures are being processed right now; try again shortly.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiProblem.tooManyRequests("The upload was interrupted; try again.");
        }
        try {
            return work.get();
        } finally {
            decoding.release();
        }
    }

    static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
