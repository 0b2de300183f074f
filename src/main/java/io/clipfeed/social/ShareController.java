package io.clipfeed.social;

import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.clipfeed.catalog.Video;
import io.clipfeed.platform.ApiProblem;
import io.clipfeed.platform.CurrentUser;
import io.clipfeed.platform.CurrentUsers;

/** {@code POST /api/v1/videos/{id}/shares}: counts a share (anonymous viewers too) and answers the share link. */
@RestController
class ShareController {

    record ShareRequest(String channel) {
    }

    record Shared(String url, long shares) {
    }

    private static final Pattern CHANNEL = Pattern.compile("[a-z0-9_-]{1,20}");

    private final Shares shares;
    private final VisibleVideos videos;
    private final String publicBaseUrl;

    ShareController(Shares shares, VisibleVideos videos, @Value("${clipfeed.public-base-url:}") String publicBaseUrl) {
        this.shares = shares;
        this.videos = videos;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
    }

    @PostMapping("/api/v1/videos/{id}/shares")
    Shared share(@PathVariable String id, @RequestBody(required = false) ShareRequest body) {
        Video video = videos.require(id);
        String channel = body == null || body.channel() == null ? "link" : body.channel();
        if (!CHANNEL.matcher(channel).matches()) {
            throw ApiProblem.badRequest("channel must be 1 to 20 of a-z, 0-9, '-' or '_' (e.g. link, copy, native).");
        }
        String userId = CurrentUsers.current().map(CurrentUser::id).orElse(null);
        long count = shares.share(video.id(), userId, channel);
        return new Shared(base() + "/v/" + video.id(), count);
    }

    private String base() {
        return publicBaseUrl.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
                : publicBaseUrl;
    }
}
