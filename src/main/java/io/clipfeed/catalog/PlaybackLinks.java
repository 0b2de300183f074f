package io.clipfeed.catalog;

import java.util.Optional;

/**
 * Where a video's cover can be fetched, as a URL for API responses. Implemented by {@code delivery} (the only
 * module that signs URLs); declared here so catalog's responses can carry {@code coverUrl} without depending on
 * delivery. When no implementation is present, responses carry no URL.
 */
public interface PlaybackLinks {
    Optional<String> coverUrl(Video video);
}
