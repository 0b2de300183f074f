package io.clipfeed.storage.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.clipfeed.storage.BlobKey;
import io.clipfeed.storage.spi.ByteStore;
import io.clipfeed.storage.spi.Sha256;
import io.clipfeed.storage.spi.Staged;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Blobs as S3 objects under {@link ObjectKeys}. Small files go up in one request, large ones in parts; reads of a
 * range use the HTTP Range header; local copies come from a bounded, checked download cache.
 */
final class S3ByteStore implements ByteStore, AutoCloseable {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final long multipartThreshold;
    private final MultipartUpload multipart;
    private final DownloadCache cache;

    S3ByteStore(S3Client s3, S3Presigner presigner, S3Settings settings, DownloadCache cache) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = settings.bucket();
        this.multipartThreshold = settings.multipartThreshold().toBytes();
        this.multipart = new MultipartUpload(s3, bucket, settings.partSize().toBytes(), settings.uploadConcurrency());
        this.cache = cache;
    }

    @Override
    public Staged stage(Path source) throws IOException {
        return new S3Staged(Sha256.of(source), Files.size(source), source);
    }

    @Override
    public void store(Staged staged, String contentType) {
        String objectKey = ObjectKeys.of(staged.key());
        // lets anyone with bucket access check an object against its name
        Map<String, String> metadata = Map.of("sha256", staged.key().sha256());
        if (staged.size() >= multipartThreshold) {
            multipart.upload(objectKey, staged.source(), staged.size(), contentType, metadata);
        } else {
            s3.putObject(b -> b.bucket(bucket).key(objectKey).contentType(contentType).metadata(metadata),
                    RequestBody.fromFile(staged.source()));
        }
    }

    @Override
    public boolean contains(BlobKey key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(ObjectKeys.of(key)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void delete(BlobKey key) throws IOException {
        s3.deleteObject(b -> b.bucket(bucket).key(ObjectKeys.of(key)));
        cache.evict(key);
    }

    @Override
    public InputStream open(BlobKey key, long offset, long length) throws IOException {
        if (length == 0) {
            return InputStream.nullInputStream(); // an empty Range header is not valid HTTP
        }
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(bucket).key(ObjectKeys.of(key))
                .range("bytes=" + offset + "-" + (offset + length - 1));
        try {
            return s3.getObject(request.build());
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(ObjectKeys.of(key));
        }
    }

    @Override
    public Path localCopy(BlobKey key) throws IOException {
        return cache.get(key, file -> download(key, file));
    }

    private BlobKey download(BlobKey key, Path file) throws IOException {
        try (InputStream in = s3.getObject(b -> b.bucket(bucket).key(ObjectKeys.of(key)));
                OutputStream out = Files.newOutputStream(file)) {
            return Sha256.copy(in, out);
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(ObjectKeys.of(key));
        }
    }

    @Override
    public Optional<URI> presignedGet(BlobKey key, String contentType, Duration validFor) {
        var presigned = presigner.presignGetObject(p -> p.signatureDuration(validFor)
                .getObjectRequest(g -> g.bucket(bucket).key(ObjectKeys.of(key)).responseContentType(contentType)));
        try {
            return Optional.of(presigned.url().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the SDK presigned an invalid URL", e);
        }
    }

    /** Stops the part uploads' threads and the SDK clients with the application. */
    @Override
    public void close() {
        multipart.close();
        presigner.close();
        s3.close();
    }
}
