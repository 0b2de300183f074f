package io.clipfeed.storage.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.clipfeed.storage.BlobKey;
import io.clipfeed.storage.spi.ByteStore;
import io.clipfeed.storage.spi.RangeInputStream;
import io.clipfeed.storage.spi.Sha256;
import io.clipfeed.storage.spi.Staged;

/**
 * Blobs as files under one root: {@code ab/cd/abcd…} from the SHA-256 alone, so no path is ever built from user
 * input. Bytes are copied to a temp file in the same file system while hashed, fsync'd, made read-only, renamed
 * atomically into place and the directory fsync'd: a stored file is always complete, even after a crash. A source
 * that is already durable and final (a finished upload) is hard-linked into place instead, when it lies on the same
 * file system: the link appears atomically with bytes already on disk, so only the directory needs syncing.
 */
final class LocalByteStore implements ByteStore {

    /** Temp files younger than this may belong to a put still running in another process sharing the root. */
    static final Duration TEMP_GRACE = Duration.ofMinutes(15);
    private static final Logger log = LoggerFactory.getLogger(LocalByteStore.class);

    private final Path root;
    private final Path temp;

    LocalByteStore(Path root, Instant now) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.temp = this.root.resolve("tmp");
        Durably.createDirectories(temp);
        removeTempFilesOlderThan(now.minus(TEMP_GRACE));
    }

    /** The one place a blob's file name is made: two levels of two hex digits keep directories small. */
    Path pathOf(BlobKey key) {
        String hex = key.sha256();
        return root.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
    }

    @Override
    public Staged stage(Path source) throws IOException {
        Path copy = Files.createTempFile(temp, "put-", ".tmp");
        try {
            BlobKey key = copyHashed(source, copy);
            return new LocalStaged(key, Files.size(copy), source, copy);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
    }

    @Override
    public Staged stageDurable(Path source) throws IOException {
        return LocalStaged.linkable(Sha256.of(source), Files.size(source), source);
    }

    private static BlobKey copyHashed(Path source, Path copy) throws IOException {
        try (InputStream in = Files.newInputStream(source);
                FileChannel channel = FileChannel.open(copy, StandardOpenOption.WRITE)) {
            OutputStream out = Channels.newOutputStream(channel);
            BlobKey key = Sha256.copy(in, out);
            channel.force(true);
            return key;
        }
    }

    @Override
    public void store(Staged staged, String contentType) throws IOException {
        LocalStaged local = (LocalStaged) staged;
        Path target = pathOf(local.key());
        if (Files.isRegularFile(target)) {
            return; // files only ever appear complete, by rename: these are the same bytes
        }
        if (local.linkable() && linked(local, target)) {
            return;
        }
        Path copy = local.copy() != null ? local.copy() : restage(local);
        makeReadOnly(copy);
        Durably.createDirectories(target.getParent());
        Files.move(copy, target, StandardCopyOption.ATOMIC_MOVE);
        local.replaceCopy(null);
        Durably.sync(target.getParent());
    }

    /**
     * Hard-links the durable source into place; false when the file system cannot (another device, no hard links),
     * and the bytes are copied instead. The source is made read-only first since the blob shares its inode.
     */
    private static boolean linked(LocalStaged local, Path target) throws IOException {
        Durably.createDirectories(target.getParent());
        makeReadOnly(local.source());
        try {
            Files.createLink(target, local.source());
        } catch (FileAlreadyExistsException concurrentlyStored) {
            return true; // a concurrent put or an earlier attempt stored it: the same bytes
        } catch (UnsupportedOperationException | FileSystemException cannotLink) {
            log.debug("cannot hard-link {} into the store ({}); copying it", local.source(), cannotLink.toString());
            return false;
        }
        if (Files.size(target) != local.size()) {
            Files.delete(target);
            throw new IOException("the file changed while it was being stored");
        }
        Durably.sync(target.getParent());
        return true;
    }

    /** The first copy was moved into place and purged since: copy the source again and check it is unchanged. */
    private Path restage(LocalStaged local) throws IOException {
        Path copy = Files.createTempFile(temp, "put-", ".tmp");
        try {
            if (!copyHashed(local.source(), copy).equals(local.key())) {
                throw new IOException("the file changed while it was being stored");
            }
            local.replaceCopy(copy);
            return copy;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
    }

    private static void makeReadOnly(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        }
    }

    @Override
    public boolean contains(BlobKey key) {
        return Files.isRegularFile(pathOf(key));
    }

    @Override
    public void delete(BlobKey key) throws IOException {
        Files.deleteIfExists(pathOf(key));
    }

    @Override
    public InputStream open(BlobKey key, long offset, long length) throws IOException {
        return RangeInputStream.of(pathOf(key), offset, length);
    }

    @Override
    public Path localCopy(BlobKey key) throws IOException {
        Path file = pathOf(key);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        return file;
    }

    private void removeTempFilesOlderThan(Instant cutoff) throws IOException {
        int removed = 0;
        try (Stream<Path> files = Files.list(temp)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(cutoff) && Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        }
        if (removed > 0) {
            log.info("removed {} temp files left in {} by an interrupted put", removed, temp);
        }
    }
}
