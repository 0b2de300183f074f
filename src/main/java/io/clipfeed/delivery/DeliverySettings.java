package io.clipfeed.delivery;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Delivery settings ({@code clipfeed.delivery.*}).
 *
 * @param signingKeys    base64 HMAC keys (at least 32 bytes each); the first signs, every listed key verifies, so a
 *                       rotation lists the new key first and keeps the old one until its URLs have expired. Empty:
 *                       one key is generated and kept under the data directory.
 * @param urlTtl         how long a signed media URL stays valid
 * @param statusCacheTtl how long a video's status may be reused before it is read again; bounds how late a deleted
 *                       video stops serving
 * @param transfer       {@code auto} (default): {@code sendfile} over the local store, {@code stream} over S3;
 *                       {@code sendfile}: serve from the store's local file with zero-copy (for S3 that is the
 *                       storage module's download cache, so a first viewer waits for the whole object);
 *                       {@code stream}: a streaming proxy of ranged reads from the store
 * @param sendfileMinSize bodies from this size up go by sendfile; smaller ones are copied, which on Tomcat is
 *                       cheaper than sendfile's extra trip through the poller (see bench/delivery)
 * @param baseUrl        prefix of media URLs (e.g. a CDN origin); empty gives paths on this server
 * @param hlsAbove       clips longer than this are advised to play as HLS (adaptive bitrate) rather than as one
 *                       progressive MP4, whose bytes a viewer who swipes away early would download for nothing
 */
@ConfigurationProperties("clipfeed.delivery")
record DeliverySettings(@DefaultValue List<String> signingKeys, @DefaultValue("6h") Duration urlTtl,
        @DefaultValue("500ms") Duration statusCacheTtl, @DefaultValue("auto") Transfer transfer,
        @DefaultValue("256KB") DataSize sendfileMinSize, @DefaultValue("") String baseUrl,
        @DefaultValue("60s") Duration hlsAbove) {

    enum Transfer {
        AUTO, SENDFILE, STREAM
    }

    DeliverySettings {
        if (statusCacheTtl.compareTo(Duration.ofMillis(900)) > 0) {
            throw new IllegalArgumentException("clipfeed.delivery.status-cache-ttl must stay below 900ms so a "
                    + "removed video stops serving within a second");
        }
        if (urlTtl.compareTo(Duration.ofMinutes(1)) < 0 || urlTtl.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("clipfeed.delivery.url-ttl must be between 1 minute and 7 days");
        }
        if (hlsAbove.isNegative()) {
            throw new IllegalArgumentException("clipfeed.delivery.hls-above must not be negative");
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
