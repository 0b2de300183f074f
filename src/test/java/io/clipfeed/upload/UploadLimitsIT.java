package io.clipfeed.upload;

import static io.clipfeed.upload.TusHttp.meta;
import static io.clipfeed.upload.TusHttp.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Per-user limits with small settings: concurrent unfinished uploads (429) and bytes per day (413). */
@TestPropertySource(properties = {"clipfeed.upload.max-concurrent=2", "clipfeed.upload.max-bytes-per-day=100KB",
        "clipfeed.upload.max-size=60KB"})
class UploadLimitsIT extends TusITBase {

    @Test
    void tooManyUnfinishedUploadsIs429UntilOneIsCancelled() {
        URI first = tus.createVideo(token, 1000);
        tus.createVideo(token, 1000);
        HttpResponse<String> third = tus.create(token, 1000, meta("filename", "c.mp4"));
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.body()).contains("unfinished uploads").contains("\"limit\":2");
        assertThat(tus.delete(first, token).statusCode()).isEqualTo(204);
        assertThat(tus.create(token, 1000, meta("filename", "c.mp4")).statusCode()).isEqualTo(201);
    }

    @Test
    void finishedUploadsFreeTheirSlot() {
        URI first = tus.createVideo(token, 10);
        tus.createVideo(token, 10);
        assertThat(tus.patch(first, token, 0, randomBytes(10)).statusCode()).isEqualTo(204);
        assertThat(tus.create(token, 10, meta("filename", "c.mp4")).statusCode()).isEqualTo(201);
    }

    @Test
    void bytesPerDayBeyondTheAllowanceIs413() {
        assertThat(tus.create(token, 60 * 1024, meta("filename", "a.mp4")).statusCode()).isEqualTo(201);
        HttpResponse<String> over = tus.create(token, 50 * 1024, meta("filename", "b.mp4"));
        assertThat(over.statusCode()).isEqualTo(413);
        assertThat(over.body()).contains("daily upload allowance").contains("remainingBytes");
        assertThat(tus.create(token, 40 * 1024, meta("filename", "b.mp4")).statusCode()).isEqualTo(201);
    }

    @Test
    void maxSizeIsAdvertisedAndEnforced() {
        HttpResponse<String> options = tus.send(HttpRequest.newBuilder(tus.uploads())
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(options.headers().firstValue("Tus-Max-Size")).hasValue(String.valueOf(60 * 1024));
        assertThat(tus.create(token, 60 * 1024 + 1, meta("filename", "a.mp4")).statusCode()).isEqualTo(413);
    }
}
