package io.clipfeed.upload;

import static io.clipfeed.upload.TusHttp.offset;
import static io.clipfeed.upload.TusHttp.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * A finished upload is taken into the content-addressed store without a second copy: the stored blob is the very
 * file the PATCHes wrote (same inode), the upload directory no longer names it, and identical uploads share it.
 */
class UploadAdoptionIT extends TusITBase {

    private static final int SIZE = 3 * 1024 * 1024;

    @Test
    void theFinishedUploadFileBecomesTheBlobWithoutACopy() throws Exception {
        byte[] file = randomBytes(SIZE);
        URI upload = tus.createVideo(token, file.length);
        Object inode = sendAllButTheLastByte(upload, file);

        String key = finish(upload, file);

        assertThat(key).isEqualTo(TusHttp.sha256Hex(file));
        Path blob = blobPath(key);
        assertThat(Files.readAllBytes(blob)).isEqualTo(file);
        assertThat(Files.getAttribute(blob, "unix:ino")).isEqualTo(inode);
        assertThat(Files.getAttribute(blob, "unix:nlink")).isEqualTo(1); // the upload's own name is gone
        assertThat(partFile(upload)).doesNotExist();
        assertThat(references(key)).isEqualTo(1);
    }

    @Test
    void identicalUploadsShareTheFirstStoredFileAndCountBothReferences() throws Exception {
        byte[] file = randomBytes(SIZE);
        URI first = tus.createVideo(token, file.length);
        Object firstInode = sendAllButTheLastByte(first, file);
        String key = finish(first, file);

        String other = tus.newUser();
        URI second = tus.createVideo(other, file.length);
        assertThat(offset(tus.patch(second, other, 0, file))).isEqualTo(String.valueOf(SIZE));
        String secondKey = tus.awaitStored(second, other, Duration.ofSeconds(30));

        assertThat(secondKey).isEqualTo(key);
        assertThat(Files.getAttribute(blobPath(key), "unix:ino")).isEqualTo(firstInode);
        assertThat(Files.getAttribute(blobPath(key), "unix:nlink")).isEqualTo(1);
        assertThat(partFile(second)).doesNotExist();
        assertThat(references(key)).isEqualTo(2);
    }

    private Object sendAllButTheLastByte(URI upload, byte[] file) throws IOException {
        assertThat(offset(tus.patch(upload, token, 0, Arrays.copyOf(file, file.length - 1))))
                .isEqualTo(String.valueOf(file.length - 1));
        return Files.getAttribute(partFile(upload), "unix:ino");
    }

    private String finish(URI upload, byte[] file) throws InterruptedException {
        byte[] last = Arrays.copyOfRange(file, file.length - 1, file.length);
        assertThat(tus.patch(upload, token, file.length - 1, last).statusCode()).isEqualTo(204);
        return tus.awaitStored(upload, token, Duration.ofSeconds(30));
    }

    private long references(String key) {
        return jdbc.sql("select refcount from blobs where sha256 = ?").param(key).query(Long.class).single();
    }

    private static Path blobPath(String key) {
        return DATA_DIR.resolve("blobs").resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
    }

    private static Path partFile(URI upload) {
        String path = upload.getPath();
        return DATA_DIR.resolve("uploads").resolve(path.substring(path.lastIndexOf('/') + 1) + ".part");
    }
}
