package io.clipfeed.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sends a blob's bytes. With {@code transfer=sendfile} (the default over the local store) and a container that offers it (Tomcat's NIO connector),
 * the bytes go from the page cache to the socket without entering the JVM: the response only names the file and
 * range, and Tomcat calls {@code FileChannel.transferTo} on the socket after the headers. Small bodies, containers
 * without sendfile and {@code transfer=stream} (the default over S3: a streaming proxy of ranged reads) copy through the servlet stream instead.
 */
@Component
class MediaTransfer {

    private static final String SENDFILE_SUPPORT = "org.apache.tomcat.sendfile.support";
    private static final String SENDFILE_FILENAME = "org.apache.tomcat.sendfile.filename";
    private static final String SENDFILE_START = "org.apache.tomcat.sendfile.start";
    private static final String SENDFILE_END = "org.apache.tomcat.sendfile.end";

    private final ServedBlobs blobs;
    private final boolean sendfile;
    private final long sendfileMinBytes;

    MediaTransfer(ServedBlobs blobs, DeliverySettings settings,
            @Value("${clipfeed.storage.type:local}") String storeType) {
        this.blobs = blobs;
        this.sendfileMinBytes = settings.sendfileMinSize().toBytes();
        this.sendfile = switch (settings.transfer()) {
            case SENDFILE -> true;
            case STREAM -> false;
            // S3 objects are proxied range by range: the first viewer must not wait for a whole download
            case AUTO -> !"s3".equalsIgnoreCase(storeType.trim());
        };
    }

    void send(HttpServletRequest request, HttpServletResponse response, String sha256, long offset, long length,
            boolean body) throws IOException {
        response.setContentLengthLong(length);
        if (!body || length == 0) {
            return;
        }
        if (!sendfile) {
            try (InputStream in = blobs.open(sha256, offset, length)) {
                copy(in, response);
            }
            return;
        }
        Path file = blobs.localFile(sha256);
        if (length >= sendfileMinBytes && Boolean.TRUE.equals(request.getAttribute(SENDFILE_SUPPORT))) {
            request.setAttribute(SENDFILE_FILENAME, file.toString());
            request.setAttribute(SENDFILE_START, offset);
            request.setAttribute(SENDFILE_END, offset + length);
            return;
        }
        try (FileChannel channel = FileChannel.open(file)) {
            transfer(channel, offset, length, response);
        }
    }

    /**
     * Copies one range into {@code out} (a part of a multipart answer, which sendfile cannot send); false when the
     * client went away mid-body.
     */
    boolean copy(String sha256, long offset, long length, OutputStream out, HttpServletResponse response)
            throws IOException {
        try {
            if (sendfile) {
                try (FileChannel channel = FileChannel.open(blobs.localFile(sha256))) {
                    WritableByteChannel target = Channels.newChannel(out);
                    for (long sent = 0; sent < length;) {
                        long n = channel.transferTo(offset + sent, length - sent, target);
                        if (n <= 0) {
                            throw new IOException("the stored file is shorter than its recorded length");
                        }
                        sent += n;
                    }
                }
            } else {
                try (InputStream in = blobs.open(sha256, offset, length)) {
                    in.transferTo(out);
                }
            }
            return true;
        } catch (IOException e) {
            if (response.isCommitted() && !(e instanceof java.nio.file.NoSuchFileException)) {
                return false;
            }
            throw e;
        }
    }

    byte[] readAll(String sha256, long length) throws IOException {
        try (InputStream in = blobs.open(sha256, 0, length)) {
            return in.readNBytes((int) length);
        }
    }

    private static void transfer(FileChannel channel, long offset, long length, HttpServletResponse response)
            throws IOException {
        WritableByteChannel out = Channels.newChannel(response.getOutputStream());
        long sent = 0;
        while (sent < length) {
            long n = transferOrAbort(channel, offset + sent, length - sent, out, response);
            if (n < 0) {
                return;
            }
            if (n == 0) {
                throw new IOException("the stored file is shorter than its recorded length");
            }
            sent += n;
        }
    }

    /** -1 when the client went away mid-body (a viewer swiped on): nothing to report, nothing to answer. */
    private static long transferOrAbort(FileChannel channel, long position, long count, WritableByteChannel out,
            HttpServletResponse response) throws IOException {
        try {
            return channel.transferTo(position, count, out);
        } catch (IOException e) {
            if (response.isCommitted()) {
                return -1;
            }
            throw e;
        }
    }

    private static void copy(InputStream in, HttpServletResponse response) throws IOException {
        OutputStream out = response.getOutputStream();
        try {
            in.transferTo(out);
        } catch (IOException e) {
            if (!response.isCommitted()) {
                throw e;
            }
            // the client went away mid-body (a viewer swiped on): nothing to report, nothing to answer
        }
    }
}
