package io.clipfeed.upload;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * Upload limits ({@code clipfeed.upload.*}). Checked at start so a typo fails fast instead of letting uploads in
 * unbounded.
 *
 * @param maxSize            largest accepted upload (advertised as {@code Tus-Max-Size})
 * @param expiry             how long an incomplete upload lives after its last accepted chunk
 * @param maxConcurrent      incomplete uploads one user may have at once (partials count)
 * @param maxBytesPerDay     bytes one user may declare within any 24 hours
 * @param acceptedTypes      media types accepted from the {@code filetype} metadata ({@code video/*} patterns)
 * @param acceptedExtensions file name extensions accepted when no {@code filetype} is given
 * @param maxPartials        partial uploads one final (concatenated) upload may join
 * @param bufferSize         size of the copy buffer for each PATCH body (memory per request in flight)
 * @param cleanupInterval    how often expired uploads are swept
 */
@Validated
@ConfigurationProperties("clipfeed.upload")
public record UploadSettings(
        @NotNull @DefaultValue("2GB") DataSize maxSize,
        @NotNull @DefaultValue("24h") Duration expiry,
        @Min(1) @Max(1000) @DefaultValue("10") int maxConcurrent,
        @NotNull @DefaultValue("20GB") DataSize maxBytesPerDay,
        @NotEmpty @DefaultValue({"video/*"}) List<String> acceptedTypes,
        @NotEmpty @DefaultValue({"mp4", "mov", "m4v", "webm", "mkv", "avi", "3gp", "mpg", "mpeg", "ts"})
        List<String> acceptedExtensions,
        @Min(2) @Max(64) @DefaultValue("16") int maxPartials,
        @NotNull @DefaultValue("256KB") DataSize bufferSize,
        @NotNull @DefaultValue("10m") Duration cleanupInterval) {

    public UploadSettings {
        require(maxSize != null && maxSize.toBytes() > 0, "clipfeed.upload.max-size must be positive");
        require(expiry != null && expiry.toMinutes() >= 1, "clipfeed.upload.expiry must be at least 1 minute");
        require(maxBytesPerDay != null && maxBytesPerDay.toBytes() > 0,
                "clipfeed.upload.max-bytes-per-day must be positive");
        require(bufferSize != null && bufferSize.toBytes() >= 4096 && bufferSize.toBytes() <= 16 * 1024 * 1024,
                "clipfeed.upload.buffer-size must be between 4KB and 16MB");
        require(cleanupInterval != null && cleanupInterval.toSeconds() >= 1,
                "clipfeed.upload.cleanup-interval must be at least 1s");
        acceptedTypes = acceptedTypes == null ? List.of() : acceptedTypes.stream().map(UploadSettings::lower).toList();
        acceptedExtensions = acceptedExtensions == null ? List.of()
                : acceptedExtensions.stream().map(UploadSettings::lower).toList();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    private static String lower(String s) {
        return s.trim().toLowerCase(Locale.ROOT);
    }

    /** True when a file of this media type (e.g. {@code video/mp4}) or name may be uploaded. */
    public boolean accepts(String mediaType, String filename) {
        if (mediaType != null && !mediaType.isBlank()) {
            String type = lower(mediaType);
            return acceptedTypes.stream().anyMatch(p -> p.endsWith("/*")
                    ? type.startsWith(p.substring(0, p.length() - 1)) : type.equals(p));
        }
        int dot = filename == null ? -1 : filename.lastIndexOf('.');
        return dot >= 0 && acceptedExtensions.contains(lower(filename.substring(dot + 1)));
    }
}
