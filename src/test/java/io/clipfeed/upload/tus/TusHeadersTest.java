package io.clipfeed.upload.tus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import io.clipfeed.platform.ApiProblem;
import io.clipfeed.upload.UploadSession.Kind;

class TusHeadersTest {

    @Test
    void parsesLengthsAndRejectsEverythingElse() {
        assertThat(TusHeaders.length("Upload-Length", null)).isNull();
        assertThat(TusHeaders.length("Upload-Length", "0")).isZero();
        assertThat(TusHeaders.length("Upload-Length", " 52428800 ")).isEqualTo(52_428_800L);
        assertThat(TusHeaders.length("Upload-Length", "9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        for (String bad : new String[] {"-1", "+1", "1.5", "1e3", "", "0x10", "9223372036854775808",
                "99999999999999999999", "12 34", "١٢"}) {
            assertBadRequest(() -> TusHeaders.length("Upload-Length", bad));
        }
    }

    @Test
    void offsetIsRequired() {
        assertThat(TusHeaders.requiredOffset("17")).isEqualTo(17);
        assertBadRequest(() -> TusHeaders.requiredOffset(null));
    }

    @Test
    void deferLengthMustBeOne() {
        assertThat(TusHeaders.deferLength(null)).isFalse();
        assertThat(TusHeaders.deferLength("1")).isTrue();
        assertBadRequest(() -> TusHeaders.deferLength("true"));
    }

    @Test
    void decodesMetadataPairsIncludingKeysWithoutValues() {
        String header = "filename " + b64("clip.mp4") + ",title " + b64("Été à Paris 🎬") + ",private";
        assertThat(TusHeaders.metadata(header)).containsEntry("filename", "clip.mp4")
                .containsEntry("title", "Été à Paris 🎬").containsEntry("private", "");
        assertThat(TusHeaders.metadata(null)).isEmpty();
    }

    @Test
    void rejectsBrokenOrOversizedMetadata() {
        assertBadRequest(() -> TusHeaders.metadata("title " + b64("x".repeat(4000))));
        assertBadRequest(() -> TusHeaders.metadata("title ***"));
        assertBadRequest(() -> TusHeaders.metadata("title a b"));
        assertBadRequest(() -> TusHeaders.metadata("ti tle,"));
        assertBadRequest(() -> TusHeaders.metadata("a " + b64("1") + ",a " + b64("2")));
        assertBadRequest(() -> TusHeaders.metadata("a " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xc3})));
        assertBadRequest(() -> TusHeaders.metadata("k,".repeat(40) + "k"));
    }

    @Test
    void concatNamesPartialsByTheirUrls() {
        assertThat(TusHeaders.concat(null).kind()).isEqualTo(Kind.SINGLE);
        assertThat(TusHeaders.concat("partial").kind()).isEqualTo(Kind.PARTIAL);
        TusHeaders.Concat fin = TusHeaders.concat(
                "final;https://h.example/api/v1/uploads/abcdefghij0123456789 /api/v1/uploads/ABCDEFGHIJ0123456789");
        assertThat(fin.kind()).isEqualTo(Kind.FINAL);
        assertThat(fin.partIds()).containsExactly("abcdefghij0123456789", "ABCDEFGHIJ0123456789");
        assertBadRequest(() -> TusHeaders.concat("final;/api/v1/uploads/../../etc/passwd"));
        assertBadRequest(() -> TusHeaders.concat("final;"));
        assertBadRequest(() -> TusHeaders.concat("everything"));
    }

    @Test
    void checksumNeedsASupportedAlgorithmAndDigestOfTheRightLength() {
        String sha1 = Base64.getEncoder().encodeToString(new byte[20]);
        assertThat(TusHeaders.checksum("sha1 " + sha1).algorithm()).isEqualTo("sha1");
        assertThat(TusHeaders.checksum(null)).isNull();
        assertBadRequest(() -> TusHeaders.checksum("md5 " + sha1));
        assertBadRequest(() -> TusHeaders.checksum("sha256 " + sha1));
        assertBadRequest(() -> TusHeaders.checksum("sha1 not-base64!"));
        assertBadRequest(() -> TusHeaders.checksum("sha1"));
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void assertBadRequest(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiProblem.class,
                p -> assertThat(p.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
    }
}
