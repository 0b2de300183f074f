package io.clipfeed.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Identity settings ({@code clipfeed.identity.*}). Failed sign-ins are free up to {@code freeAttempts} per username
 * (and {@code ipFreeAttempts} per client address) within {@code failureWindow}; each further failure locks that
 * subject for {@code baseDelay × 2^(n − free)}, capped at {@code maxDelay}. A valid access token is remembered in
 * memory for {@code tokenCacheTtl} (0 switches that off): the longest another process may still accept a token
 * revoked elsewhere.
 */
@Validated
@ConfigurationProperties("clipfeed.identity")
record IdentitySettings(
        @NotNull @DefaultValue("30d") Duration tokenTtl,
        @NotNull @DefaultValue("30s") Duration tokenCacheTtl,
        @Min(1) @DefaultValue("5") int freeAttempts,
        @Min(1) @DefaultValue("50") int ipFreeAttempts,
        @NotNull @DefaultValue("1s") Duration baseDelay,
        @NotNull @DefaultValue("15m") Duration maxDelay,
        @NotNull @DefaultValue("15m") Duration failureWindow) {
}
