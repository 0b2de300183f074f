package io.clipfeed.catalog;

import java.util.List;

/**
 * The video is deleted or taken down: delivery stops serving it, and the modules that retained its blobs
 * ({@code blobKeys}: source, renditions, covers, previews) release them.
 */
public record VideoRemoved(String videoId, List<String> blobKeys) {
}
