package io.clipfeed.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Web settings ({@code clipfeed.web.*}).
 *
 * @param publicUrl the address viewers reach Clipfeed at (e.g. {@code https://clips.example.org}), used for the
 *                  absolute links in share pages and oEmbed and to recognise this site's share URLs. Empty: taken
 *                  from each request (behind a proxy, forward the {@code X-Forwarded-*} headers).
 */
@ConfigurationProperties("clipfeed.web")
record WebSettings(@DefaultValue("") String publicUrl) {

    WebSettings {
        publicUrl = publicUrl.strip();
        if (!publicUrl.isEmpty() && !publicUrl.matches("https?://[^/?#\\s]+/?")) {
            throw new IllegalArgumentException("clipfeed.web.public-url must be an origin such as "
                    + "https://clips.example.org (no path)");
        }
        publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }
}
