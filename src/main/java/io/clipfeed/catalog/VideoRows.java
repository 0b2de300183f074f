package io.clipfeed.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.clipfeed.platform.Db;

/** The videos table with its hashtags and status history. */
@Repository
class VideoRows {

    private final JdbcClient jdbc;
    private final RenditionRows renditions;

    VideoRows(JdbcClient jdbc, RenditionRows renditions) {
        this.jdbc = jdbc;
        this.renditions = renditions;
    }

    void insert(Video v, String filename) {
        jdbc.sql("insert into videos (id, creator_id, title, description, visibility, status, filename, progress, "
                + "created_at, updated_at) values (:id, :c, :t, :d, :v, :s, :f, 0, :at, :at)")
                .param("id", v.id()).param("c", v.creatorId()).param("t", v.title()).param("d", v.description())
                .param("v", v.visibility().name()).param("s", v.status().name()).param("f", filename)
                .param("at", Db.ts(v.createdAt())).update();
        replaceHashtags(v.id(), v.hashtags());
    }

    Optional<Video> find(String id) {
        return jdbc.sql("select * from videos where id = :id").param("id", id).query((rs, n) -> video(rs))
                .optional().map(this::hydrate);
    }

    /** The videos with these ids (all well-formed), with their hashtags and renditions: three queries. */
    List<Video> findAll(List<String> ids) {
        return hydrateAll(jdbc.sql("select * from videos where id in (:ids)").param("ids", ids)
                .query((rs, n) -> video(rs)).list());
    }

    /** The rows with their hashtags and renditions, in the same order: two queries. */
    private List<Video> hydrateAll(List<Video> found) {
        if (found.isEmpty()) {
            return found;
        }
        List<String> ids = found.stream().map(Video::id).toList();
        Map<String, List<String>> tags = new HashMap<>();
        jdbc.sql("select video_id, tag from video_hashtags where video_id in (:ids) order by video_id, position")
                .param("ids", ids).query(rs -> {
                    tags.computeIfAbsent(rs.getString("video_id"), k -> new ArrayList<>()).add(rs.getString("tag"));
                });
        Map<String, List<Rendition>> renditionsOf = renditions.ofAll(ids);
        return found.stream().map(v -> withParts(v, tags.getOrDefault(v.id(), List.of()),
                renditionsOf.getOrDefault(v.id(), List.of()))).toList();
    }

    /** Reads the video and locks its row until the transaction ends, so status changes are serialised. */
    Optional<Video> lock(String id) {
        return jdbc.sql("select * from videos where id = :id for update").param("id", id)
                .query((rs, n) -> video(rs)).optional().map(this::hydrate);
    }

    void updateStatus(String id, VideoStatus to, String reason, Instant now) {
        jdbc.sql("update videos set status = :s, status_reason = :r, updated_at = :now where id = :id")
                .param("s", to.name()).param("r", reason, Types.VARCHAR).param("now", Db.ts(now)).param("id", id)
                .update();
        if (to == VideoStatus.PUBLISHED) {
            jdbc.sql("update videos set published_at = :now where id = :id").param("now", Db.ts(now))
                    .param("id", id).update();
        }
    }

    void recordHistory(String id, VideoStatus from, VideoStatus to, String reason, Instant at) {
        jdbc.sql("insert into video_status_history (video_id, from_status, to_status, reason, at) "
                + "values (:id, :f, :t, :r, :at)")
                .param("id", id).param("f", from == null ? null : from.name(), Types.VARCHAR).param("t", to.name())
                .param("r", reason, Types.VARCHAR).param("at", Db.ts(at)).update();
    }

    List<StatusChange> history(String id) {
        return jdbc.sql("select * from video_status_history where video_id = :id order by id")
                .param("id", id).query((rs, n) -> new StatusChange(
                        rs.getString("from_status") == null ? null : VideoStatus.valueOf(rs.getString("from_status")),
                        VideoStatus.valueOf(rs.getString("to_status")), rs.getString("reason"),
                        Db.instant(rs, "at"))).list();
    }

    void updateSource(String id, String blobKey, long size, Instant now) {
        jdbc.sql("update videos set source_blob_key = :k, source_size = :s, updated_at = :now where id = :id")
                .param("k", blobKey).param("s", size).param("now", Db.ts(now)).param("id", id).update();
    }

    void updateText(String id, String title, String description, Visibility visibility, Instant now) {
        jdbc.sql("update videos set title = :t, description = :d, visibility = :v, updated_at = :now where id = :id")
                .param("t", title).param("d", description).param("v", visibility.name()).param("now", Db.ts(now))
                .param("id", id).update();
    }

    void updateFacts(String id, MediaFacts facts) {
        jdbc.sql("update videos set duration_ms = :d, width = :w, height = :h where id = :id")
                .param("d", facts.durationMs()).param("w", facts.width()).param("h", facts.height()).param("id", id)
                .update();
    }

    void updateCover(String id, String blobKey) {
        jdbc.sql("update videos set cover_blob_key = :k where id = :id").param("k", blobKey).param("id", id).update();
    }

    void updateProgress(String id, int percent) {
        jdbc.sql("update videos set progress = :p where id = :id").param("p", percent).param("id", id).update();
    }

    void replaceHashtags(String id, List<String> tags) {
        jdbc.sql("delete from video_hashtags where video_id = :id").param("id", id).update();
        for (int i = 0; i < tags.size(); i++) {
            jdbc.sql("insert into video_hashtags (video_id, tag, position) values (:id, :t, :p)")
                    .param("id", id).param("t", tags.get(i)).param("p", i).update();
        }
    }

    /**
     * One keyset page: rows matching {@code where} (with its params), newest first, after the cursor, with their
     * hashtags and renditions (three queries in all). {@code where} fixes {@code leading} to one value, and an index
     * on ({@code leading}, created_at desc, id desc) exists: naming it in the order and bounding created_at lets H2
     * walk that index from the cursor and stop after {@code limit} rows (with the keyset as a bare OR, H2 read and
     * sorted every matching row for each page — minutes to page through 100,000 videos).
     */
    List<Video> page(String where, String leading, Map<String, Object> params, Cursor after, int limit) {
        String keyset = after == null ? ""
                : " and created_at <= :cAt and (created_at < :cAt or id < :cId)";
        JdbcClient.StatementSpec spec = jdbc.sql("select * from videos where " + where + keyset
                + " order by " + leading + ", created_at desc, id desc limit :limit").params(params)
                .param("limit", limit);
        if (after != null) {
            spec = spec.param("cAt", Db.ts(after.createdAt())).param("cId", after.id());
        }
        return hydrateAll(spec.query((rs, n) -> video(rs)).list());
    }

    private Video hydrate(Video v) {
        List<String> tags = jdbc.sql("select tag from video_hashtags where video_id = :id order by position")
                .param("id", v.id()).query(String.class).list();
        return withParts(v, tags, renditions.of(v.id()));
    }

    private static Video withParts(Video v, List<String> tags, List<Rendition> renditions) {
        return new Video(v.id(), v.creatorId(), v.title(), v.description(), List.copyOf(tags), v.visibility(),
                v.status(), v.statusReason(), v.durationMs(), v.width(), v.height(), v.sourceBlobKey(),
                v.coverBlobKey(), v.progress(), List.copyOf(renditions), v.createdAt(), v.updatedAt());
    }

    private static Video video(ResultSet rs) throws SQLException {
        return new Video(rs.getString("id"), rs.getString("creator_id"), rs.getString("title"),
                rs.getString("description"), List.of(), Visibility.valueOf(rs.getString("visibility")),
                VideoStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
                rs.getObject("duration_ms", Long.class), rs.getObject("width", Integer.class),
                rs.getObject("height", Integer.class), rs.getString("source_blob_key"),
                rs.getString("cover_blob_key"), rs.getInt("progress"), List.of(), Db.instant(rs, "created_at"),
                Db.instant(rs, "updated_at"));
    }
}
