package io.clipfeed.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.List;

import org.springframework.stereotype.Component;

import io.clipfeed.platform.ClipfeedSettings;
import io.clipfeed.platform.Ids;

/**
 * The bytes of incomplete uploads: {@code <data-dir>/uploads/<id>.part}, where the id is always one the server
 * generated. A chunk is appended at the committed offset and forced to disk before the caller may commit the new
 * offset; anything past the committed offset (a chunk cut off by a crash or rejected by its checksum) is truncated
 * away the next time the file is written.
 */
@Component
class PartFiles {

    private static final long EARLY_FLUSH_BYTES = 2 * 1024 * 1024;
    private final Path dir;
    private final int bufferSize;

    PartFiles(ClipfeedSettings clipfeed, UploadSettings settings) {
        this.dir = clipfeed.dataDir().resolve("uploads").toAbsolutePath().normalize();
        this.bufferSize = (int) settings.bufferSize().toBytes();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the upload directory " + dir, e);
        }
    }

    /** How an append ended: bytes written and forced, and whether the body was longer than allowed or cut off. */
    record Appended(long bytes, boolean tooLong, boolean cutOff) {
    }

    Path path(String uploadId) {
        if (!Ids.isWellFormed(uploadId)) {
            throw new IllegalArgumentException("not an upload id");
        }
        return dir.resolve(uploadId + ".part");
    }

    /** Creates the empty part file and makes its directory entry durable. */
    void create(String uploadId) throws IOException {
        try (FileChannel ch = FileChannel.open(path(uploadId), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        forceDirectory();
    }

    /**
     * Streams at most {@code max} bytes from {@code body} to the file at {@code offset}, through a bounded buffer,
     * and forces them to disk. A body longer than {@code max} writes nothing ({@code tooLong}). A body that breaks
     * off keeps (and forces) what arrived, unless {@code digest} is set, since a partial chunk cannot match its
     * checksum.
     */
    Appended append(String uploadId, long offset, InputStream body, long max, MessageDigest digest)
            throws IOException {
        try (FileChannel ch = FileChannel.open(path(uploadId), StandardOpenOption.WRITE)) {
            positionAt(ch, offset);
            EarlyFlusher flusher = new EarlyFlusher(ch, EARLY_FLUSH_BYTES);
            try {
                return appendAt(ch, offset, body, max, digest, flusher);
            } finally {
                flusher.settle();
            }
        }
    }

    private Appended appendAt(FileChannel ch, long offset, InputStream body, long max, MessageDigest digest,
            EarlyFlusher flusher) throws IOException {
        byte[] buffer = new byte[bufferSize];
        ByteBuffer wrapped = ByteBuffer.wrap(buffer);
        long written = 0;
        while (true) {
            int n;
            try {
                // fill the whole buffer: one large write per buffer instead of one per network packet
                n = fill(body, buffer, (int) Math.min(buffer.length, max + 1 - written));
            } catch (IOException clientGone) {
                return cutOff(ch, offset, written, digest, flusher);
            }
            if (n < 0) {
                return forced(ch, flusher, written, false);
            }
            if (written + n > max) {
                ch.truncate(offset);
                return new Appended(0, true, false);
            }
            if (digest != null) {
                digest.update(buffer, 0, n);
            }
            wrapped.clear().limit(n);
            while (wrapped.hasRemaining()) {
                ch.write(wrapped);
            }
            written += n;
            flusher.wrote(n);
        }
    }

    /** A body that broke off: keep what arrived, unless a checksum covered the whole (now incomplete) chunk. */
    private static Appended cutOff(FileChannel ch, long offset, long written, MessageDigest digest,
            EarlyFlusher flusher) throws IOException {
        if (digest != null) {
            ch.truncate(offset);
            return new Appended(0, false, true);
        }
        return forced(ch, flusher, written, true);
    }

    /** The durability promise: the bytes reach the disk before their offset is committed and acknowledged. */
    private static Appended forced(FileChannel ch, EarlyFlusher flusher, long written, boolean cutOff)
            throws IOException {
        flusher.settle();
        ch.force(false);
        return new Appended(written, false, cutOff);
    }

    /** Reads until {@code len} bytes or the end of the body; -1 at the end. */
    private static int fill(InputStream body, byte[] buffer, int len) throws IOException {
        int n = body.readNBytes(buffer, 0, len);
        return n == 0 && len > 0 ? -1 : n;
    }

    /** Drops bytes past the committed offset (e.g. a chunk whose checksum did not match). */
    void truncate(String uploadId, long offset) throws IOException {
        try (FileChannel ch = FileChannel.open(path(uploadId), StandardOpenOption.WRITE)) {
            if (ch.size() > offset) {
                ch.truncate(offset);
            }
        }
    }

    /**
     * Writes the final upload's file as the partials' bytes in order, forced to disk. Idempotent: a previous
     * attempt's output of the right length is reused.
     */
    Path concatenate(String finalId, List<String> partialIds, long length) throws IOException {
        Path target = path(finalId);
        if (Files.exists(target) && Files.size(target) == length) {
            return target;
        }
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (String partial : partialIds) {
                try (FileChannel in = FileChannel.open(path(partial), StandardOpenOption.READ)) {
                    long pos = 0;
                    long size = in.size();
                    while (pos < size) {
                        pos += in.transferTo(pos, size - pos, out);
                    }
                }
            }
            out.force(false);
        }
        return target;
    }

    void delete(String uploadId) throws IOException {
        Files.deleteIfExists(path(uploadId));
    }

    boolean exists(String uploadId) {
        return Files.exists(path(uploadId));
    }

    private static void positionAt(FileChannel ch, long offset) throws IOException {
        long size = ch.size();
        if (size < offset) {
            throw new IOException("Part file is shorter (" + size + ") than its committed offset (" + offset + ")");
        }
        if (size > offset) {
            ch.truncate(offset);
        }
        ch.position(offset);
    }

    private void forceDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException ignored) {
            // not every platform can open a directory for syncing; the file itself was forced
        }
    }
}
