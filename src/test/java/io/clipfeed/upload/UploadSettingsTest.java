package io.clipfeed.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class UploadSettingsTest {

    private static UploadSettings settings(DataSize max, Duration expiry, DataSize buffer) {
        return new UploadSettings(max, expiry, 10, DataSize.ofGigabytes(20), List.of("video/*", "Application/MXF"),
                List.of("MP4", "mov"), 16, buffer, Duration.ofMinutes(10));
    }

    @Test
    void acceptsByMediaTypePatternOrElseByExtension() {
        UploadSettings s = settings(DataSize.ofGigabytes(2), Duration.ofHours(24), DataSize.ofKilobytes(256));
        assertThat(s.accepts("video/webm", null)).isTrue();
        assertThat(s.accepts("application/mxf", "x.bin")).isTrue();
        assertThat(s.accepts("image/png", "x.mp4")).isFalse();
        assertThat(s.accepts(null, "Holiday.MP4")).isTrue();
        assertThat(s.accepts(null, "notes.exe")).isFalse();
        assertThat(s.accepts(null, "mp4")).isFalse();
        assertThat(s.accepts("", null)).isFalse();
    }

    @Test
    void refusesSettingsThatWouldLeaveUploadsUnbounded() {
        assertThatThrownBy(() -> settings(DataSize.ofBytes(0), Duration.ofHours(1), DataSize.ofKilobytes(256)))
                .hasMessageContaining("max-size");
        assertThatThrownBy(() -> settings(DataSize.ofGigabytes(1), Duration.ofSeconds(5), DataSize.ofKilobytes(256)))
                .hasMessageContaining("expiry");
        assertThatThrownBy(() -> settings(DataSize.ofGigabytes(1), Duration.ofHours(1), DataSize.ofMegabytes(64)))
                .hasMessageContaining("buffer-size");
    }
}
