package io.clipfeed.storage.s3;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.clipfeed.storage.spi.RangeInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Uploads a large file in parts read straight from the file (nothing buffered in memory), so one request failing
 * costs one part, and objects over 5 GB are possible. A failed upload is aborted so no parts are left billed.
 */
final class MultipartUpload {

    private static final Logger log = LoggerFactory.getLogger(MultipartUpload.class);

    private final S3Client s3;
    private final String bucket;
    private final long partSize;

    MultipartUpload(S3Client s3, String bucket, long partSize) {
        this.s3 = s3;
        this.bucket = bucket;
        this.partSize = partSize;
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
        List<CompletedPart> parts = new ArrayList<>();
        int number = 1;
        for (long offset = 0; offset < size; offset += partSize, number++) {
            long offsetOfPart = offset;
            long length = Math.min(partSize, size - offset);
            int partNumber = number;
            RequestBody body = RequestBody.fromContentProvider(
                    () -> open(file, offsetOfPart, length), length, "application/octet-stream");
            String etag = s3.uploadPart(b -> b.bucket(bucket).key(objectKey).uploadId(uploadId)
                    .partNumber(partNumber).contentLength(length), body).eTag();
            parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
        }
        return parts;
    }

    private static java.io.InputStream open(Path file, long offset, long length) {
        try {
            return RangeInputStream.of(file, offset, length);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
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
}
