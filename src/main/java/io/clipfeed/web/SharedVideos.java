package io.clipfeed.web;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.clipfeed.catalog.Catalog;
import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoAccess;
import io.clipfeed.platform.Ids;

/**
 * Which videos have a public share page ({@code /v/{id}}) and embed ({@code /embed/{id}}): those catalog's rule
 * lets anyone see ({@link VideoAccess#isOpen}: published, public or unlisted; having the link is the point of
 * unlisted). Private, deleted, rejected, unfinished and unknown
 * videos all read the same to a visitor: not found. Also the site's public origin that share links are built on.
 */
@Component
@EnableConfigurationProperties(WebSettings.class)
class SharedVideos {

    private static final Pattern SHARE_PATH = Pattern.compile("/(?:v|embed)/([^/]{1,64})/?");

    private final Catalog catalog;
    private final WebSettings settings;

    SharedVideos(Catalog catalog, WebSettings settings) {
        this.catalog = catalog;
        this.settings = settings;
    }

    Optional<Video> find(String id) {
        if (!Ids.isWellFormed(id)) {
            return Optional.empty();
        }
        // the page is the same for everyone and publicly cached: what anyone may see, whoever asks
        return catalog.find(id).filter(VideoAccess::isOpen);
    }

    /** The origin of this site, from the setting or the current request: {@code https://host[:port]}. */
    String origin() {
        if (!settings.publicUrl().isEmpty()) {
            return settings.publicUrl();
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().replacePath(null).build().toUriString();
    }

    String shareUrl(Video v) {
        return origin() + "/v/" + v.id();
    }

    String embedUrl(Video v) {
        return origin() + "/embed/" + v.id();
    }

    /** True when {@code url} points at this site: same host and port (http and https both count, as a proxy in
     * front may terminate TLS). */
    boolean isOurs(URI url) {
        URI ours = URI.create(origin());
        return url.getHost() != null && url.getHost().toLowerCase(Locale.ROOT).equals(ours.getHost().toLowerCase(Locale.ROOT))
                && url.getPort() == ours.getPort();
    }

    /** The video id of a share or embed path, if the path is one. */
    static Optional<String> idOf(URI url) {
        Matcher m = SHARE_PATH.matcher(url.getRawPath() == null ? "" : url.getRawPath());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
