package io.clipfeed.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code clipfeed.moderation-mode}: {@code post} (default) publishes a video as soon as it is playable, to be
 * reviewed later; {@code pre} keeps it PLAYABLE (visible only to its creator) until a moderator approves it.
 */
@ConfigurationProperties("clipfeed")
record CatalogSettings(@DefaultValue("post") ModerationMode moderationMode) {

    enum ModerationMode {
        PRE, POST
    }
}
