package io.clipfeed.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The catalog's public façade. All changes to a video's state go through here; each is validated against the
 * lifecycle state machine, recorded in the video's history and, where it matters, published as an event.
 */
public interface Catalog {

    /** Creates a video in {@code UPLOADING} when its upload is created. */
    Video create(NewVideo video);

    Optional<Video> find(String videoId);

    /**
     * The videos among {@code videoIds} that exist (malformed or unknown ids are left out), in no particular order;
     * three queries however many ids (at most {@value CatalogQueries#MAX_BATCH}), for pages of cards.
     */
    List<Video> findAll(java.util.Collection<String> videoIds);

    /** The upload finished: records the stored source, moves to {@code UPLOADED}, publishes {@link VideoUploaded}. */
    Video markUploaded(String videoId, String sourceBlobKey, long sizeBytes);

    /**
     * Moves the video to {@code to}, with a reason (required for FAILED and REJECTED), checked against the lifecycle
     * and recorded in its history. Asking for the current status is a no-op (so retried steps are harmless); a move
     * the lifecycle forbids throws {@link IllegalTransitionException}; an unknown video throws
     * {@link java.util.NoSuchElementException}. PLAYABLE needs a recorded rendition and publishes
     * {@link VideoPlayable}; in post-moderation it moves straight on to PUBLISHED. Reaching PUBLISHED publishes
     * {@link VideoPublished}; DELETED publishes {@link VideoRemoved}; REJECTED publishes {@link VideoWithdrawn}.
     */
    Video transition(String videoId, VideoStatus to, String reason);

    /** Records facts found by probing the source. */
    void recordMediaFacts(String videoId, MediaFacts facts);

    /**
     * Adds or replaces (same kind, codec and height) a rendition; idempotent. Publishes {@link RenditionsReady}.
     */
    Rendition recordRendition(String videoId, Rendition rendition);

    /**
     * A step's stored files in one transaction: each rendition added or replaced as by {@link #recordRendition},
     * the blobs registered as by {@link #recordAssets}, and one {@link RenditionsReady} published.
     */
    void recordRenditions(String videoId, java.util.List<Rendition> renditions,
            java.util.Collection<String> assetKeys);

    void recordCover(String videoId, String coverBlobKey);

    /**
     * Registers blobs derived from the video (segments, playlists, covers, previews, storyboards) so that delivery
     * may serve them under the video's signed URLs and so that removal releases them. Idempotent.
     */
    void recordAssets(String videoId, java.util.Collection<String> blobKeys);

    /** True when the blob is the source, a rendition or a registered asset of this video. */
    boolean hasAsset(String videoId, String blobKey);

    /** Processing progress, 0 to 100. */
    void recordProgress(String videoId, int percent);

    /** A creator's videos that are not deleted, newest first. */
    List<Video> byCreator(String creatorId, int limit);

    /**
     * One page of a creator's videos, newest first. With {@code includeHidden} (the creator's own view) every
     * video that is not deleted; otherwise only listed ones (published and public). {@code cursor} is null for the
     * first page or a previous page's {@code nextCursor}; a malformed cursor is a 400 problem (platform's PageCursor).
     */
    VideoPage byCreator(String creatorId, boolean includeHidden, String cursor, int limit);

    /** One page of videos in a status, newest first (e.g. PLAYABLE ones awaiting review in pre-moderation). */
    VideoPage byStatus(VideoStatus status, String cursor, int limit);

    /** One page of listed (published, public) videos carrying the hashtag, newest first. */
    VideoPage byHashtag(String tag, String cursor, int limit);

    /**
     * Changes title, description (hashtags are parsed again) and visibility, publishing {@link VideoDetailsChanged}.
     * Empty when the video does not exist.
     */
    Optional<Video> edit(String videoId, VideoEdit edit);
}
