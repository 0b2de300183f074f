package io.clipfeed.upload;

import static io.clipfeed.upload.TusHttp.OCTETS;
import static io.clipfeed.upload.TusHttp.meta;
import static io.clipfeed.upload.TusHttp.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Hostile and broken requests get a precise 4xx problem, never a 5xx. */
class TusBadInputIT extends TusITBase {

    @Test
    void traversalLookingIdsNameNoUpload() {
        for (String id : new String[] {"..%2F..%2Fetc%2Fpasswd", "..", "%2e%2e", "abc%00def", "a".repeat(200),
                "abc$def1234", "....////x", "%5C..%5Cwin.ini"}) {
            URI uri = URI.create(tus.base + "/api/v1/uploads/" + id);
            int head = tus.head(uri, token).statusCode();
            int patch = tus.patch(uri, token, 0, randomBytes(10)).statusCode();
            int delete = tus.delete(uri, token).statusCode();
            assertThat(java.util.List.of(head, patch, delete)).as(id).allMatch(s -> s == 404 || s == 400);
        }
        URI plain = URI.create(tus.base + "/api/v1/uploads/abc$def1234");
        assertThat(tus.head(plain, token).statusCode()).isEqualTo(404);
    }

    @Test
    void creationHeadersThatAreGarbageAre400() {
        for (String length : new String[] {"-1", "12abc", "1e9", " ", "99999999999999999999", "0x10", "+5"}) {
            HttpResponse<String> r = create(Map.of("Upload-Length", length));
            assertThat(r.statusCode()).as("Upload-Length '%s'", length).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElseThrow()).contains("problem+json");
        }
        assertThat(create(Map.of()).statusCode()).isEqualTo(400);
        assertThat(create(Map.of("Upload-Length", "10", "Upload-Defer-Length", "1")).statusCode()).isEqualTo(400);
        assertThat(create(Map.of("Upload-Defer-Length", "yes")).statusCode()).isEqualTo(400);
        assertThat(create(Map.of("Upload-Length", "10", "Upload-Concat", "final;../../etc")).statusCode())
                .isEqualTo(400);
        assertThat(create(Map.of("Upload-Concat", "final;http://x/api/v1/uploads/zzzzzzzzzzzz")).statusCode())
                .isEqualTo(400);
        assertThat(create(Map.of("Upload-Length", "10", "Upload-Concat", "whole")).statusCode()).isEqualTo(400);
    }

    @Test
    void metadataOverFourKilobytesOrMalformedIs400() {
        String fiveKb = meta("filename", "a.mp4", "description", "x".repeat(5 * 1024));
        assertThat(create(Map.of("Upload-Length", "10", "Upload-Metadata", fiveKb)).statusCode()).isEqualTo(400);
        for (String metadata : new String[] {"filename !!!notbase64", "filename  YS5tcDQ=", "a b c", ",,,",
                "filename YS5tcDQ=,filename YS5tcDQ=", "title " + java.util.Base64.getEncoder()
                        .encodeToString(new byte[] {(byte) 0xff, (byte) 0xfe}), meta("title", "t".repeat(151)),
                meta("filename", "a.mp4", "title", "line\nbreak"), meta("filename", "a.mp4", "filetype", "nope")}) {
            HttpResponse<String> r = create(Map.of("Upload-Length", "10", "Upload-Metadata", metadata));
            assertThat(r.statusCode()).as(metadata).isEqualTo(400);
        }
    }

    @Test
    void patchHeadersThatAreGarbageAre4xx() {
        URI upload = tus.createVideo(token, 100);
        assertThat(patch(upload, Map.of("Upload-Offset", "-5"))).isEqualTo(400);
        assertThat(patch(upload, Map.of("Upload-Offset", "zero"))).isEqualTo(400);
        assertThat(patch(upload, Map.of())).isEqualTo(400);
        assertThat(patch(upload, Map.of("Upload-Offset", "0", "Upload-Checksum", "md5 AAAA"))).isEqualTo(400);
        assertThat(patch(upload, Map.of("Upload-Offset", "0", "Upload-Checksum", "sha1 ***"))).isEqualTo(400);
        assertThat(patch(upload, Map.of("Upload-Offset", "0", "Upload-Checksum", "sha256 AAAA"))).isEqualTo(400);
        assertThat(patch(upload, Map.of("Upload-Offset", "0", "Upload-Length", "50"))).isEqualTo(400);
        assertThat(tus.send(tus.tus(upload, token).header("X-HTTP-Method-Override", "TRACE")
                .POST(BodyPublishers.noBody()).build()).statusCode()).isEqualTo(400);
    }

    @Test
    void sizesBeyondTheLimitsAre413() {
        assertThat(create(Map.of("Upload-Length", String.valueOf(Long.MAX_VALUE), "Upload-Metadata",
                meta("filename", "big.mp4"))).statusCode()).isEqualTo(413);
        URI upload = tus.createVideo(token, 100);
        assertThat(tus.patch(upload, token, 0, randomBytes(101)).statusCode()).isEqualTo(413);
        assertThat(TusHttp.offset(tus.head(upload, token))).isEqualTo("0");
    }

    @Test
    void filesThatAreNotVideosAre415() {
        assertThat(create(Map.of("Upload-Length", "10", "Upload-Metadata", meta("filename", "notes.exe")))
                .statusCode()).isEqualTo(415);
        assertThat(create(Map.of("Upload-Length", "10", "Upload-Metadata",
                meta("filename", "x.mp4", "filetype", "image/png"))).statusCode()).isEqualTo(415);
        assertThat(create(Map.of("Upload-Length", "10")).statusCode()).isEqualTo(415);
    }

    private HttpResponse<String> create(Map<String, String> headers) {
        HttpRequest.Builder b = tus.tus(tus.uploads(), token);
        headers.forEach(b::header);
        return tus.send(b.POST(BodyPublishers.noBody()).build());
    }

    private int patch(URI upload, Map<String, String> headers) {
        HttpRequest.Builder b = tus.tus(upload, token).header("Content-Type", OCTETS);
        headers.forEach(b::header);
        return tus.send(b.method("PATCH", BodyPublishers.ofByteArray(randomBytes(10))).build()).statusCode();
    }
}
