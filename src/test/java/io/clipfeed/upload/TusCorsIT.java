package io.clipfeed.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import io.clipfeed.IntegrationTestBase;

/** A browser page on another origin can drive tus: the preflight passes and the tus headers are readable. */
class TusCorsIT extends IntegrationTestBase {

    private static final String ORIGIN = "https://app.elsewhere.example";

    @Test
    void crossOriginPreflightAllowsTusMethodsAndHeaders() {
        TusHttp tus = new TusHttp(port);
        HttpResponse<String> preflight = tus.send(HttpRequest.newBuilder(tus.uploads())
                .header("Origin", ORIGIN).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers",
                        "authorization,tus-resumable,upload-length,upload-metadata,upload-concat")
                .method("OPTIONS", BodyPublishers.noBody()).build());
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ORIGIN);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().toLowerCase())
                .contains("tus-resumable", "upload-length", "upload-metadata");

        HttpResponse<String> patchPreflight = tus.send(HttpRequest.newBuilder(
                        java.net.URI.create(tus.base + "/api/v1/uploads/abcdefghij0123456789"))
                .header("Origin", ORIGIN).header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "tus-resumable,upload-offset,content-type,upload-checksum")
                .method("OPTIONS", BodyPublishers.noBody()).build());
        assertThat(patchPreflight.statusCode()).isEqualTo(200);
        assertThat(patchPreflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("PATCH");
    }

    @Test
    void crossOriginResponsesExposeTheTusHeaders() {
        TusHttp tus = new TusHttp(port);
        String token = tus.newUser();
        HttpResponse<String> created = tus.send(tus.tus(tus.uploads(), token).header("Origin", ORIGIN)
                .header("Upload-Length", "10").header("Upload-Metadata", TusHttp.meta("filename", "a.mp4"))
                .POST(BodyPublishers.noBody()).build());
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
                .contains("Location", "Upload-Offset", "Clipfeed-Video-Id", "Upload-Expires", "Tus-Resumable");
    }
}
