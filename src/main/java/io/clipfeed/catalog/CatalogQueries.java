package io.clipfeed.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.clipfeed.platform.Ids;

/** The catalog's read side: single videos and keyset-paged lists, newest first. */
@Component
class CatalogQueries {

    static final int MAX_PAGE = 50;
    static final int MAX_BATCH = 200;
    /** {@link VideoAccess#isListed} as SQL, so a creator's public grid pages in the database. */
    private static final String LISTED = "status = 'PUBLISHED' and visibility = 'PUBLIC'";

    private final VideoRows videos;

    CatalogQueries(VideoRows videos) {
        this.videos = videos;
    }

    Optional<Video> find(String videoId) {
        return Ids.isWellFormed(videoId) ? videos.find(videoId) : Optional.empty();
    }

    List<Video> findAll(java.util.Collection<String> videoIds) {
        List<String> ids = videoIds.stream().filter(Ids::isWellFormed).distinct().toList();
        if (ids.size() > MAX_BATCH) {
            throw new IllegalArgumentException("At most " + MAX_BATCH + " videos at once, not " + ids.size());
        }
        return ids.isEmpty() ? List.of() : videos.findAll(ids);
    }

    VideoPage byCreator(String creatorId, boolean includeHidden, String cursor, int limit) {
        if (!Ids.isWellFormed(creatorId)) {
            return new VideoPage(List.of(), null);
        }
        String where = includeHidden ? "creator_id = :c and status <> 'DELETED'" : "creator_id = :c and " + LISTED;
        return page(where, "creator_id", Map.of("c", creatorId), cursor, limit);
    }

    VideoPage byStatus(VideoStatus status, String cursor, int limit) {
        return page("status = :s", "status", Map.of("s", status.name()), cursor, limit);
    }

    VideoPage byHashtag(String tag, String cursor, int limit) {
        if (tag == null || tag.isBlank() || tag.length() > 200) {
            return new VideoPage(List.of(), null);
        }
        return page(LISTED + " and id in (select video_id from video_hashtags where tag = :t)", "status",
                Map.of("t", tag.toLowerCase(Locale.ROOT)), cursor, limit);
    }

    /** {@code leading}: the column {@code where} fixes to one value, the first of the index the page walks. */
    private VideoPage page(String where, String leading, Map<String, Object> params, String cursor, int limit) {
        int size = Math.max(1, Math.min(MAX_PAGE, limit));
        List<Video> rows = videos.page(where, leading, params, Cursor.decode(cursor), size + 1);
        if (rows.size() <= size) {
            return new VideoPage(rows, null);
        }
        List<Video> items = rows.subList(0, size);
        Video last = items.get(size - 1);
        return new VideoPage(List.copyOf(items), new Cursor(last.createdAt(), last.id()).encode());
    }
}
