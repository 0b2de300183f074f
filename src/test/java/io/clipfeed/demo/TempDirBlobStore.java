package io.clipfeed.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

import io.clipfeed.storage.Blob;
import io.clipfeed.storage.BlobKey;
import io.clipfeed.storage.BlobStore;

/**
 * A minimal content-addressed store in a temporary directory, used by the seeding test only while the application
 * has no {@link BlobStore} of its own (the storage module lands separately); no reference counting.
 */
class TempDirBlobStore implements BlobStore {

    private final Path dir;

    TempDirBlobStore(Path dir) {
        this.dir = dir;
    }

    @Override
    public Blob put(Path file, String contentType) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        BlobKey key = new BlobKey(HexFormat.of().formatHex(sha.digest()));
        Files.copy(file, dir.resolve(key.sha256()), StandardCopyOption.REPLACE_EXISTING);
        return new Blob(key, Files.size(file), contentType);
    }

    @Override
    public Blob retain(BlobKey key) {
        return find(key).orElseThrow();
    }

    @Override
    public void release(BlobKey key) {
    }

    @Override
    public Optional<Blob> find(BlobKey key) {
        Path p = dir.resolve(key.sha256());
        try {
            return Files.exists(p) ? Optional.of(new Blob(key, Files.size(p), "video/mp4")) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InputStream open(BlobKey key) throws IOException {
        return Files.newInputStream(dir.resolve(key.sha256()));
    }

    @Override
    public InputStream open(BlobKey key, long offset, long length) throws IOException {
        try (InputStream in = open(key)) {
            in.skipNBytes(offset);
            return new java.io.ByteArrayInputStream(in.readNBytes(Math.toIntExact(length)));
        }
    }

    @Override
    public Path localCopy(BlobKey key) {
        return dir.resolve(key.sha256());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
