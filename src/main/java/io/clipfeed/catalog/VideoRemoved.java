package io.clipfeed.catalog;

import java.util.List;

/**
 * The video is deleted or taken down: delivery stops serving it, media cancels its jobs, and the modules that
 * retained its blobs release them — upload the source ({@code sourceBlobKey}, may be null), media the derived
 * assets ({@code assetBlobKeys}: renditions, segments, playlists, covers, previews).
 */
public record VideoRemoved(String videoId, String sourceBlobKey, List<String> assetBlobKeys) {
}
