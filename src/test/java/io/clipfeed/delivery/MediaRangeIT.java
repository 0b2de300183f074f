package io.clipfeed.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Range and caching semantics of media files, checked with raw HTTP requests (on both servers: see subclass). */
class MediaRangeIT extends DeliveryITBase {

    Clips.Clip clip;
    String mp4;
    byte[] bytes;
    long length;

    /** The port media requests go to: the main server here, the media edge in {@link MediaEdgeRangeIT}. */
    int mediaPort() {
        return port;
    }

    @Override
    RawHttp.Response get(String target, String... headers) throws java.io.IOException {
        return RawHttp.send(mediaPort(), "GET", target, headers);
    }

    @BeforeEach
    void publish() throws Exception {
        clip = publicClip();
        mp4 = prefixOf(clip) + clip.mp4().key() + ".mp4";
        bytes = Files.readAllBytes(Clips.mediaFile(Clips.CUP));
        length = bytes.length;
    }

    @Test
    void servesTheWholeFileWithValidatorsAndImmutableCaching() throws Exception {
        RawHttp.Response r = get(mp4);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(bytes);
        assertThat(r.header("Content-Length")).isEqualTo(String.valueOf(length));
        assertThat(r.header("Content-Type")).isEqualTo("video/mp4");
        assertThat(r.header("ETag")).isEqualTo('"' + clip.mp4().key().sha256() + '"');
        assertThat(r.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(r.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        assertThat(Preconditions.httpDate(r.header("Last-Modified"))).isPresent();
    }

    @Test
    void answersASingleRangeWith206AndContentRange() throws Exception {
        RawHttp.Response r = get(mp4, "Range: bytes=100-65635");
        assertThat(r.status()).isEqualTo(206);
        assertThat(r.header("Content-Range")).isEqualTo("bytes 100-65635/" + length);
        assertThat(r.header("Content-Length")).isEqualTo("65536");
        assertThat(r.body()).isEqualTo(Arrays.copyOfRange(bytes, 100, 65636));
    }

    @Test
    void answersSmallRangesBelowTheZeroCopyThreshold() throws Exception {
        RawHttp.Response r = get(mp4, "Range: bytes=0-7");
        assertThat(r.status()).isEqualTo(206);
        assertThat(r.body()).isEqualTo(Arrays.copyOfRange(bytes, 0, 8));
    }

    @Test
    void answersSuffixAndOpenEndedRanges() throws Exception {
        RawHttp.Response suffix = get(mp4, "Range: bytes=-500");
        assertThat(suffix.status()).isEqualTo(206);
        assertThat(suffix.header("Content-Range")).isEqualTo("bytes " + (length - 500) + "-" + (length - 1) + "/" + length);
        assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(bytes, bytes.length - 500, bytes.length));

        RawHttp.Response open = get(mp4, "Range: bytes=1000000-");
        assertThat(open.status()).isEqualTo(206);
        assertThat(open.body()).isEqualTo(Arrays.copyOfRange(bytes, 1_000_000, bytes.length));

        RawHttp.Response longerSuffix = get(mp4, "Range: bytes=-99999999");
        assertThat(longerSuffix.status()).isEqualTo(206);
        assertThat(longerSuffix.body()).isEqualTo(bytes);
    }

    @Test
    void clampsALastPositionPastTheEnd() throws Exception {
        RawHttp.Response r = get(mp4, "Range: bytes=1500000-99999999999999999999999");
        assertThat(r.status()).isEqualTo(206);
        assertThat(r.header("Content-Range")).isEqualTo("bytes 1500000-" + (length - 1) + "/" + length);
        assertThat(r.body()).isEqualTo(Arrays.copyOfRange(bytes, 1_500_000, bytes.length));
    }

    @Test
    void answers416WhenNoRangeIsSatisfiable() throws Exception {
        for (String range : new String[] {"bytes=" + length + "-", "bytes=-0", "bytes=9999999-9999999"}) {
            RawHttp.Response r = get(mp4, "Range: " + range);
            assertThat(r.status()).as(range).isEqualTo(416);
            assertThat(r.header("Content-Range")).as(range).isEqualTo("bytes */" + length);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=abc", "bytes=5-3", "items=0-1", "bytes=", "bytes=--1", "bytes=0-1-2",
            "bytes 0-1", "bytes=0x10-20", "bytes=-", "bytes=,,", "bytes=1-2;3", "bytes=٣-٤", "=0-1",
            "bytes=18446744073709551616-x", "bytes=0-1,abc"})
    void ignoresMalformedRangesAndSendsTheWholeFile(String range) throws Exception {
        RawHttp.Response r = get(mp4, "Range: " + range);
        assertThat(r.status()).as(range).isEqualTo(200);
        assertThat(r.body()).as(range).isEqualTo(bytes);
    }

    @Test
    void neverFailsOnAbsurdRangeHeaders() throws Exception {
        String huge = "bytes=" + "0-1,".repeat(2000) + "0-1";
        String many = "bytes=" + "0-1,".repeat(40) + "0-1";
        // each gets the answer RFC 9110 allows for it, never an error of the server's
        java.util.Map<String, Integer> expected = new java.util.LinkedHashMap<>();
        expected.put(huge, 200); // overlapping ranges: the whole file once
        expected.put(many, 200);
        expected.put("bytes=\t0-1", 206); // optional whitespace
        expected.put("bytes=0-1\u0001", 400); // a control character is no valid field value (RFC 9110 §5.5)
        expected.put("bytes=99999999999999999999-", 416); // starts past any file
        expected.forEach((range, status) -> {
            RawHttp.Response r;
            try {
                r = get(mp4, "Range: " + range);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            String shown = range.length() > 40 ? range.substring(0, 40) + "…" : range;
            assertThat(r.status()).as(shown).isEqualTo(status);
            switch (status) {
                case 200 -> assertThat(r.body()).as("%s: the whole file", shown).isEqualTo(bytes);
                case 206 -> assertThat(r.body()).as("%s: the two bytes", shown)
                        .isEqualTo(java.util.Arrays.copyOf(bytes, 2));
                case 416 -> assertThat(r.header("Content-Range")).as(shown).isEqualTo("bytes */" + length);
                default -> assertThat(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)).as(shown)
                        .doesNotContain(new String(bytes, 0, 8, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        });
    }

    @Test
    void answersSeveralRangesWithMultipartByteranges() throws Exception {
        RawHttp.Response r = get(mp4, "Range: bytes=1000-1099, 0-9,-500");
        assertThat(r.status()).isEqualTo(206);
        assertThat(r.header("Content-Range")).as("only the parts carry a range").isNull();
        assertThat(r.header("Content-Length")).isEqualTo(String.valueOf(r.body().length));
        assertThat(r.header("ETag")).isEqualTo('"' + clip.mp4().key().sha256() + '"');
        List<MultipartParts.Part> parts = MultipartParts.of(r);
        assertThat(parts).extracting(p -> p.header("Content-Range")).containsExactly("bytes 1000-1099/" + length,
                "bytes 0-9/" + length, "bytes " + (length - 500) + "-" + (length - 1) + "/" + length);
        assertThat(parts).allSatisfy(p -> assertThat(p.header("Content-Type")).isEqualTo("video/mp4"));
        assertThat(parts.get(0).body()).isEqualTo(Arrays.copyOfRange(bytes, 1000, 1100));
        assertThat(parts.get(1).body()).isEqualTo(Arrays.copyOfRange(bytes, 0, 10));
        assertThat(parts.get(2).body()).isEqualTo(Arrays.copyOfRange(bytes, bytes.length - 500, bytes.length));
        // parts above the zero-copy threshold are copied too (sendfile sends one range only)
        RawHttp.Response large = get(mp4, "Range: bytes=0-299999,400000-799999");
        assertThat(MultipartParts.of(large)).extracting(MultipartParts.Part::body).containsExactly(
                Arrays.copyOfRange(bytes, 0, 300_000), Arrays.copyOfRange(bytes, 400_000, 800_000));
        String boundary = r.header("Content-Type").substring(r.header("Content-Type").indexOf('=') + 1);
        assertThat(large.header("Content-Type")).as("a fresh boundary per answer").doesNotContain(boundary);
    }

    @Test
    void answersOverlappingOrTooManyRangesWithTheWholeFile() throws Exception {
        String seventeen = "bytes=" + String.join(",", java.util.stream.IntStream.range(0, 17)
                .mapToObj(i -> (i * 100) + "-" + (i * 100 + 9)).toList());
        for (String range : new String[] {"bytes=0-99,50-149", "bytes=0-,100-199", "bytes=0-99,0-99", seventeen}) {
            RawHttp.Response r = get(mp4, "Range: " + range);
            assertThat(r.status()).as(range).isEqualTo(200);
            assertThat(r.body()).as(range).isEqualTo(bytes);
        }
        RawHttp.Response oneSatisfiable = get(mp4, "Range: bytes=0-99," + (length + 10) + "-");
        assertThat(oneSatisfiable.status()).isEqualTo(206);
        assertThat(oneSatisfiable.header("Content-Range")).isEqualTo("bytes 0-99/" + length);
        assertThat(oneSatisfiable.header("Content-Type")).isEqualTo("video/mp4");
    }

    @Test
    void severalRangesFollowIfRangeAndHeadIgnoresThem() throws Exception {
        String etag = get(mp4, "Range: bytes=0-0").header("ETag");
        RawHttp.Response current = get(mp4, "Range: bytes=0-9,20-29", "If-Range: " + etag);
        assertThat(current.status()).isEqualTo(206);
        assertThat(MultipartParts.of(current)).hasSize(2);
        RawHttp.Response stale = get(mp4, "Range: bytes=0-9,20-29", "If-Range: \"other\"");
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.body()).isEqualTo(bytes);
        RawHttp.Response head = RawHttp.send(mediaPort(), "HEAD", mp4, "Range: bytes=0-9,20-29");
        assertThat(head.status()).as("ranges apply to GET only").isEqualTo(200);
        assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(length));
        assertThat(head.header("Content-Type")).isEqualTo("video/mp4");
        assertThat(head.body()).isEmpty();
    }

    @Test
    void ifRangeHonoursTheRangeOnlyForTheCurrentRepresentation() throws Exception {
        String etag = get(mp4, "Range: bytes=0-0").header("ETag");
        String lastModified = get(mp4, "Range: bytes=0-0").header("Last-Modified");
        assertThat(get(mp4, "Range: bytes=10-19", "If-Range: " + etag).status()).isEqualTo(206);
        assertThat(get(mp4, "Range: bytes=10-19", "If-Range: " + lastModified).status()).isEqualTo(206);
        assertThat(get(mp4, "Range: bytes=10-19", "If-Range: \"other\"").status()).isEqualTo(200);
        assertThat(get(mp4, "Range: bytes=10-19", "If-Range: W/" + etag).status()).isEqualTo(200);
        assertThat(get(mp4, "Range: bytes=10-19", "If-Range: Thu, 01 Jan 1970 00:00:00 GMT").status())
                .isEqualTo(200);
        assertThat(get(mp4, "Range: bytes=10-19", "If-Range: not a date").status()).isEqualTo(200);
    }

    @Test
    void answers304ForACurrentCopy() throws Exception {
        String etag = '"' + clip.mp4().key().sha256() + '"';
        for (String inm : new String[] {etag, "W/" + etag, "\"x\", " + etag, "*"}) {
            RawHttp.Response r = get(mp4, "If-None-Match: " + inm);
            assertThat(r.status()).as(inm).isEqualTo(304);
            assertThat(r.body()).isEmpty();
            assertThat(r.header("ETag")).isEqualTo(etag);
            assertThat(r.header("Cache-Control")).contains("immutable");
        }
        assertThat(get(mp4, "If-None-Match: \"stale\"").status()).isEqualTo(200);
        String lastModified = get(mp4, "Range: bytes=0-0").header("Last-Modified");
        assertThat(get(mp4, "If-Modified-Since: " + lastModified).status()).isEqualTo(304);
        assertThat(get(mp4, "If-Modified-Since: Thu, 01 Jan 1970 00:00:00 GMT").status()).isEqualTo(200);
    }

    @Test
    void headAnswersHeadersWithoutABody() throws Exception {
        RawHttp.Response r = RawHttp.send(mediaPort(), "HEAD", mp4);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Length")).isEqualTo(String.valueOf(length));
        assertThat(r.header("ETag")).isNotNull();
    }

    @Test
    void servesPlaylistsAndSegmentsUnderTheSameSignedPrefix() throws Exception {
        String prefix = prefixOf(clip);
        RawHttp.Response master = get(prefix + clip.master().key() + ".m3u8");
        assertThat(master.status()).isEqualTo(200);
        assertThat(master.header("Content-Type")).isEqualTo("application/vnd.apple.mpegurl");
        String mediaRef = master.text().lines().filter(l -> !l.startsWith("#")).findFirst().orElseThrow();
        RawHttp.Response media = get(prefix + mediaRef);
        assertThat(media.status()).isEqualTo(200);
        String segmentRef = media.text().lines().filter(l -> l.endsWith(".m4s")).findFirst().orElseThrow();
        RawHttp.Response segment = get(prefix + segmentRef);
        assertThat(segment.status()).isEqualTo(200);
        assertThat(segment.header("Content-Type")).isEqualTo("video/iso.segment");
        assertThat(segment.body()).hasSize(300_000);
        RawHttp.Response cover = get(prefix + clip.cover().key() + ".jpg");
        assertThat(cover.header("Content-Type")).isEqualTo("image/jpeg");
    }

    @Test
    void gzipsPlaylistsForClientsThatAcceptIt() throws Exception {
        String target = prefixOf(clip) + clip.media().key() + ".m3u8";
        RawHttp.Response plain = get(target);
        RawHttp.Response gzipped = get(target, "Accept-Encoding: gzip, deflate");
        assertThat(gzipped.status()).isEqualTo(200);
        assertThat(gzipped.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(gzipped.header("Vary")).contains("Accept-Encoding");
        assertThat(gzipped.body().length).isLessThan(plain.body().length / 3);
        byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(gzipped.body())).readAllBytes();
        assertThat(unzipped).isEqualTo(plain.body());
        assertThat(get(target, "Accept-Encoding: gzip;q=0").header("Content-Encoding")).isNull();
        RawHttp.Response segment = get(prefixOf(clip) + clip.segment().key() + ".m4s", "Accept-Encoding: gzip");
        assertThat(segment.header("Content-Encoding")).isNull();
    }

    @Test
    void letsOtherOriginsFetchRangesAndReadTheRangeHeaders() throws Exception {
        RawHttp.Response preflight = RawHttp.send(mediaPort(), "OPTIONS", mp4, "Origin: https://app.example",
                "Access-Control-Request-Method: GET", "Access-Control-Request-Headers: range");
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Headers").toLowerCase()).contains("range");
        RawHttp.Response r = get(mp4, "Origin: https://app.example", "Range: bytes=0-99");
        assertThat(r.status()).isEqualTo(206);
        assertThat(r.header("Access-Control-Allow-Origin")).isNotNull();
        assertThat(r.header("Access-Control-Expose-Headers")).contains("Content-Range", "Accept-Ranges", "ETag");
    }

    @Test
    void unknownExtensionsAndMalformedPathsNameNothing() throws Exception {
        String prefix = prefixOf(clip);
        assertThat(get(prefix + clip.mp4().key() + ".html").status()).isEqualTo(404);
        assertThat(get(prefix + "..%2F..%2Fetc%2Fpasswd.mp4").status()).isIn(400, 404);
        assertThat(get(prefix + clip.mp4().key().sha256().toUpperCase() + ".mp4").status()).isEqualTo(404);
        assertThat(get("/media/v/x/1/sig/" + clip.mp4().key() + ".mp4").status()).isEqualTo(404);
    }
}
