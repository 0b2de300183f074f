package io.clipfeed.storage.spi;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A byte range of a file read with positional reads: no shared file position, so any number of ranges of the
 * same blob can be streamed at once, and a range costs no reading of the bytes before it.
 */
public final class RangeInputStream extends InputStream {

    private final FileChannel channel;
    private final long end;
    private long position;

    /** Opens {@code length} bytes of {@code file} from {@code offset}; a missing file is a NoSuchFileException. */
    public static InputStream of(Path file, long offset, long length) throws IOException {
        return new RangeInputStream(FileChannel.open(file, StandardOpenOption.READ), offset, length);
    }

    private RangeInputStream(FileChannel channel, long offset, long length) {
        this.channel = channel;
        this.position = offset;
        this.end = offset + length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (position >= end) {
            return -1;
        }
        int wanted = (int) Math.min(len, end - position);
        int read = channel.read(ByteBuffer.wrap(buffer, off, wanted), position);
        if (read < 0) {
            throw new EOFException("stored file ended " + (end - position) + " bytes early");
        }
        position += read;
        return read;
    }

    @Override
    public long skip(long n) {
        long skipped = Math.max(0, Math.min(n, end - position));
        position += skipped;
        return skipped;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, end - position);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
