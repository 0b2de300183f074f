package io.clipfeed.social;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * {@code clipfeed.social.*}. Write limits are token buckets per signed-in user and per client address over all
 * social writes (generous, so bursts of real use pass); comments have their own, tighter per-user bucket.
 */
@Validated
@ConfigurationProperties("clipfeed.social")
record SocialSettings(
        @DefaultValue("1200") @Min(1) int userWritesPerMinute,
        @DefaultValue("60000") @Min(1) int ipWritesPerMinute,
        @DefaultValue("10") @Min(1) int commentsPerMinute,
        @DefaultValue("500") @Min(1) @Max(2000) int maxCommentLength,
        @DefaultValue("5m") @NotNull Duration editWindow,
        @DefaultValue("10m") @NotNull Duration duplicateWindow,
        @DefaultValue("10") @Min(0) @Max(20) int maxMentions,
        @DefaultValue("160") @Min(1) @Max(640) int maxBioLength,
        @DefaultValue("2000") @Min(0) long viewMinWatchedMs,
        @DefaultValue("1h") @NotNull Duration viewWindow,
        @DefaultValue("10m") @NotNull Duration reconcileInterval) {
}
