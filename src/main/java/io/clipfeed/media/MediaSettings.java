package io.clipfeed.media;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Media limits and encoder settings ({@code clipfeed.media.*}). The limits guard the machine against hostile or
 * absurd uploads; they are checked from the container headers before any frame is decoded. Per-title encoder
 * effort: a title whose whole ladder {@code preset} would encode in well under {@code effortBudget} (predicted from
 * its output pixels and {@code encodeMegapixelsPerSecond}, this machine's {@code veryfast} throughput) gets a slower,
 * more efficient x264 preset, up to {@code maxEffortPreset}; when the budget also holds a few more encodes of the
 * ladder, its rungs get a whole-rung quality search ({@link QualitySearch}); {@code effortBudget} 0 switches both off.
 */
@Validated
@ConfigurationProperties("clipfeed.media")
public record MediaSettings(
        @NotNull @DefaultValue("10m") Duration maxDuration,
        @Min(64) @Max(8192) @DefaultValue("4096") int maxSide,
        @Min(4096) @DefaultValue("9437184") long maxFramePixels,
        @Min(1) @Max(51) @DefaultValue("23") int crf,
        @NotNull @DefaultValue("veryfast") String preset,
        @NotNull @DefaultValue("ultrafast") String instantPreset,
        @NotNull @DefaultValue("15m") Duration stepTimeLimit,
        @Min(0) @Max(10) @DefaultValue("3") int transientRetries,
        @DefaultValue("false") boolean hevc,
        @Min(0) @Max(4) @DefaultValue("1") int hevcTopRungs,
        @NotNull @DefaultValue("faster") String hevcPreset,
        @Min(-30) @Max(-5) @DefaultValue("-14") double targetLufs,
        @DecimalMin("0.90") @DecimalMax("0.999") @DefaultValue("0.98") double targetSsim,
        @NotNull @DefaultValue("30s") Duration effortBudget,
        @Min(1) @DefaultValue("40") int encodeMegapixelsPerSecond,
        @NotNull @DefaultValue("slow") String maxEffortPreset) {

    /** The defaults, for code that runs without Spring (tests, benchmarks). */
    public static MediaSettings defaults() {
        return new MediaSettings(Duration.ofMinutes(10), 4096, 9_437_184L, 23, "veryfast", "ultrafast",
                Duration.ofMinutes(15), 3, false, 1, "faster", -14, 0.98, Duration.ofSeconds(30), 40, "slow");
    }

    /** The defaults with the HEVC top rung switched on (off by default: it triples the ladder's time on 2 cores). */
    public static MediaSettings withHevc() {
        return new MediaSettings(Duration.ofMinutes(10), 4096, 9_437_184L, 23, "veryfast", "ultrafast",
                Duration.ofMinutes(15), 3, true, 1, "faster", -14, 0.98, Duration.ofSeconds(30), 40, "slow");
    }
}
