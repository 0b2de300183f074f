package io.clipfeed.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.clipfeed.catalog.Visibility;
import io.clipfeed.platform.ApiProblem;

class UploadMetadataTest {

    @Test
    void titleFallsBackToTheFileNameWithoutExtension() {
        assertThat(UploadMetadata.of(Map.of("filename", "Beach day.mp4"), null).effectiveTitle()).isEqualTo("Beach day");
        assertThat(UploadMetadata.of(Map.of("filename", "x.mp4", "title", "  Mine "), null).effectiveTitle())
                .isEqualTo("Mine");
        assertThat(UploadMetadata.of(Map.of(), null).effectiveTitle()).isEqualTo("Untitled");
    }

    @Test
    void boundsAndCleansEveryValue() {
        assertThatThrownBy(() -> UploadMetadata.of(Map.of("title", "t".repeat(151)), null))
                .isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> UploadMetadata.of(Map.of("description", "d".repeat(2201)), null))
                .isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> UploadMetadata.of(Map.of("filename", "a\u0000.mp4"), null))
                .isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> UploadMetadata.of(Map.of("title", "two\nlines"), null))
                .isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> UploadMetadata.of(Map.of("filetype", "video/mp4; drop table"), null))
                .isInstanceOf(ApiProblem.class);
        assertThat(UploadMetadata.of(Map.of("description", "line one\nline two #tag"), null).description())
                .contains("\n");
    }

    @Test
    void visibilityDefaultsToPublicAndIsValidated() {
        assertThat(UploadMetadata.of(Map.of(), null).visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(UploadMetadata.of(Map.of("visibility", "private"), null).visibility()).isEqualTo(Visibility.PRIVATE);
        assertThatThrownBy(() -> UploadMetadata.of(Map.of("visibility", "friends"), null))
                .isInstanceOf(ApiProblem.class);
    }

    @Test
    void contentTypeComesFromFiletype() {
        assertThat(UploadMetadata.of(Map.of("filetype", "Video/MP4"), null).contentType()).isEqualTo("video/mp4");
        assertThat(UploadMetadata.of(Map.of(), null).contentType()).isEqualTo("application/octet-stream");
    }
}
