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
 * @param edge           the media edge: a second, lean HTTP listener for media files (see {@link MediaEdge})
 */
@ConfigurationProperties("clipfeed.delivery")
record DeliverySettings(@DefaultValue List<String> signingKeys, @DefaultValue("6h") Duration urlTtl,
        @DefaultValue("500ms") Duration statusCacheTtl, @DefaultValue("auto") Transfer transfer,
        @DefaultValue("256KB") DataSize sendfileMinSize, @DefaultValue("") String baseUrl,
        @DefaultValue("60s") Duration hlsAbove, @DefaultValue Edge edge) {

    /**
     * The media edge ({@code clipfeed.delivery.edge.*}).
     *
     * @param enabled     serve {@code /media/**} on a second port as well, through Netty instead of the servlet stack
     * @param port        its port (0: any free port)
     * @param address     the address it binds
     * @param url         the URL viewers reach it at (e.g. {@code https://media.example.com}); when set, media URLs of
     *                    videos that anyone may see point there; private videos' URLs stay on the main server, which
     *                    knows the viewer
     * @param threads     event-loop threads (0: one per core)
     * @param idleTimeout an idle keep-alive connection is closed after this
     */
    record Edge(@DefaultValue("false") boolean enabled, @DefaultValue("8081") int port,
            @DefaultValue("0.0.0.0") String address, @DefaultValue("") String url, @DefaultValue("0") int threads,
            @DefaultValue("30s") Duration idleTimeout) {

        Edge {
            if (port < 0 || port > 65535 || threads < 0 || threads > 256 || idleTimeout.isNegative() || idleTimeout.isZero()) {
                throw new IllegalArgumentException("clipfeed.delivery.edge: port 0-65535, threads 0-256 and a "
                        + "positive idle-timeout");
            }
            url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }

        /** The prefix of media URLs that anyone may fetch: the edge's URL when it is on and has one. */
        String publicBase(String baseUrl) {
            return enabled && !url.isEmpty() ? url : baseUrl;
        }
    }

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
