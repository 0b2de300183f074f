package io.clipfeed.delivery;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.channel.DefaultFileRegion;
import io.netty.util.AbstractReferenceCounted;
import io.netty.util.IllegalReferenceCountException;

/**
 * The open files of the blobs the {@link MediaEdge} sends, shared by concurrent transfers: opening and closing the
 * file for each request cost about a tenth of the edge's CPU. Reference-counted, so a file leaves the table (bounded,
 * or when its blob is forgotten) without being closed under a transfer that is still sending from it.
 */
final class EdgeFiles {

    static final int MAX_OPEN = 1024;
    private final Map<String, OpenFile> open = new ConcurrentHashMap<>();

    /** The path of a blob's file this table holds open, or null. */
    Path knownPath(String sha256) {
        OpenFile file = open.get(sha256);
        return file == null ? null : file.path;
    }

    /** {@code length} bytes of the blob's file from {@code offset}, for one transfer (released once sent). */
    DefaultFileRegion region(String sha256, Path path, long offset, long length) throws IOException {
        OpenFile known = open.get(sha256);
        if (known != null && known.tryRetain()) {
            return new SharedRegion(known, offset, length);
        }
        OpenFile fresh = new OpenFile(path, FileChannel.open(path)); // its first reference is the table's
        OpenFile raced = open.putIfAbsent(sha256, fresh);
        if (raced != null) {
            fresh.release();
            if (raced.tryRetain()) {
                return new SharedRegion(raced, offset, length);
            }
            return new DefaultFileRegion(FileChannel.open(path), offset, length); // being evicted: a file of its own
        }
        fresh.retain();
        if (open.size() > MAX_OPEN) {
            shrink(sha256);
        }
        return new SharedRegion(fresh, offset, length);
    }

    /** Drops a blob's file (gone from the store); transfers still sending keep it open until they finish. */
    void forget(String sha256) {
        OpenFile file = open.remove(sha256);
        if (file != null) {
            file.release();
        }
    }

    void closeAll() {
        open.keySet().forEach(this::forget);
    }

    /** A crude bound: drop half the table (files in use stay open until their transfers end). */
    private void shrink(String keep) {
        Iterator<String> keys = open.keySet().iterator();
        while (open.size() > MAX_OPEN / 2 && keys.hasNext()) {
            String key = keys.next();
            if (!key.equals(keep)) {
                forget(key);
            }
        }
    }

    private static final class OpenFile extends AbstractReferenceCounted {
        final Path path;
        final FileChannel channel;

        OpenFile(Path path, FileChannel channel) {
            this.path = path;
            this.channel = channel;
        }

        boolean tryRetain() {
            try {
                retain();
                return true;
            } catch (IllegalReferenceCountException closed) {
                return false;
            }
        }

        @Override
        protected void deallocate() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // a read-only file: nothing was buffered that closing could lose
            }
        }

        @Override
        public OpenFile touch(Object hint) {
            return this;
        }
    }

    /** A region over a shared file: sent by sendfile like any DefaultFileRegion, but releasing, not closing. */
    private static final class SharedRegion extends DefaultFileRegion {
        private final OpenFile file;

        SharedRegion(OpenFile file, long offset, long length) {
            super(file.channel, offset, length);
            this.file = file;
        }

        @Override
        protected void deallocate() {
            file.release();
        }
    }
}
