package io.clipfeed.storage.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.clipfeed.storage.spi.RangeInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Uploads a large file in parts read straight from the file (nothing buffered in memory), several at a time, so
 * one request failing costs one part, one slow connection does not bound the throughput, and objects over 5 GB are
 * possible. A failed upload is aborted so no parts are left billed. The part pool is shared by all uploads, which
 * bounds the connections they use together.
 */
final class MultipartUpload implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MultipartUpload.class);

    private final S3Client s3;
    private final String bucket;
    private final long partSize;
    private final ExecutorService parts;

    MultipartUpload(S3Client s3, String bucket, long partSize, int concurrency) {
        this.s3 = s3;
        this.bucket = bucket;
        this.partSize = partSize;
        AtomicInteger threads = new AtomicInteger();
        this.parts = Executors.newFixedThreadPool(concurrency, task -> {
            Thread thread = new Thread(task, "s3-part-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    void upload(String objectKey, Path file, long size, String contentType, Map<String, String> metadata) {
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(objectKey).contentType(contentType)
                .metadata(metadata)).uploadId();
        try {
            List<CompletedPart> parts = uploadParts(objectKey, uploadId, file, size);
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(objectKey).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
        } catch (RuntimeException e) {
            abortQuietly(objectKey, uploadId);
            throw e;
        }
    }

    private List<CompletedPart> uploadParts(String objectKey, String uploadId, Path file, long size) {
        List<Future<CompletedPart>> pending = new ArrayList<>();
        int number = 1;
        for (long offset = 0; offset < size; offset += partSize, number++) {
            long from = offset;
            long length = Math.min(partSize, size - offset);
            int partNumber = number;
            pending.add(parts.submit(() -> uploadPart(objectKey, uploadId, file, partNumber, from, length)));
        }
        try {
            List<CompletedPart> done = new ArrayList<>();
            for (Future<CompletedPart> part : pending) {
                done.add(part.get());
            }
            return done;
        } catch (ExecutionException e) {
            pending.forEach(part -> part.cancel(true));
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            pending.forEach(part -> part.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while uploading " + objectKey, e);
        }
    }

    private CompletedPart uploadPart(String objectKey, String uploadId, Path file, int number, long offset,
            long length) {
        RequestBody body = RequestBody.fromContentProvider(() -> open(file, offset, length), length,
                "application/octet-stream");
        String etag = s3.uploadPart(b -> b.bucket(bucket).key(objectKey).uploadId(uploadId).partNumber(number)
                .contentLength(length), body).eTag();
        return CompletedPart.builder().partNumber(number).eTag(etag).build();
    }

    private static InputStream open(Path file, long offset, long length) {
        try {
            return RangeInputStream.of(file, offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void abortQuietly(String objectKey, String uploadId) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(objectKey).uploadId(uploadId));
        } catch (RuntimeException e) {
            log.warn("could not abort multipart upload {} of {}; a bucket lifecycle rule should reap it",
                    uploadId, objectKey, e);
        }
    }

    @Override
    public void close() {
        parts.shutdownNow();
    }
}
