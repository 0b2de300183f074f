package io.clipfeed.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.clipfeed.platform.Db;
import io.clipfeed.platform.Ids;

/** Renditions and the registry of a video's derived blobs. */
@Repository
class RenditionRows {

    private final JdbcClient jdbc;

    RenditionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Rendition> of(String videoId) {
        return jdbc.sql("select * from renditions where video_id = :v order by height desc, kind, codec")
                .param("v", videoId).query((rs, n) -> rendition(rs)).list();
    }

    /** The renditions of each of these videos, in the order of {@link #of}. */
    java.util.Map<String, List<Rendition>> ofAll(List<String> videoIds) {
        java.util.Map<String, List<Rendition>> out = new java.util.HashMap<>();
        jdbc.sql("select * from renditions where video_id in (:v) order by video_id, height desc, kind, codec")
                .param("v", videoIds).query(rs -> {
                    out.computeIfAbsent(rs.getString("video_id"), k -> new ArrayList<>()).add(rendition(rs));
                });
        return out;
    }

    /** Replaces the rendition of the same kind, codec and height, keeping its id so links to it stay valid. */
    Rendition upsert(String videoId, Rendition r, Instant now) {
        String id = jdbc.sql("select id from renditions where video_id = :v and kind = :k and codec = :c "
                + "and height = :h").param("v", videoId).param("k", r.kind()).param("c", r.codec())
                .param("h", r.height()).query(String.class).optional()
                .orElse(r.id() != null && Ids.isWellFormed(r.id()) ? r.id() : Ids.newId());
        jdbc.sql("delete from renditions where id = :id").param("id", id).update();
        jdbc.sql("insert into renditions (id, video_id, kind, codec, width, height, bitrate, size_bytes, blob_key, "
                + "ssim, psnr, preload_end, created_at) values (:id, :v, :k, :c, :w, :h, :b, :s, :key, :ssim, :psnr, "
                + ":pe, :at)")
                .param("id", id).param("v", videoId).param("k", r.kind()).param("c", r.codec())
                .param("w", r.width()).param("h", r.height()).param("b", r.bitrate()).param("s", r.sizeBytes())
                .param("key", r.blobKey(), Types.VARCHAR).param("ssim", r.ssim(), Types.DOUBLE)
                .param("psnr", r.psnr(), Types.DOUBLE).param("pe", r.preloadEnd(), Types.BIGINT)
                .param("at", Db.ts(now)).update();
        return new Rendition(id, r.kind(), r.codec(), r.width(), r.height(), r.bitrate(), r.sizeBytes(),
                r.blobKey(), r.ssim(), r.psnr(), r.preloadEnd());
    }

    /** Not transactional on purpose: a concurrent duplicate is simply skipped (an aborted transaction is not). */
    void addAssets(String videoId, Collection<String> blobKeys) {
        for (String key : new LinkedHashSet<>(blobKeys)) {
            try {
                jdbc.sql("insert into video_assets (video_id, blob_key) select :v, :k where not exists "
                        + "(select 1 from video_assets where video_id = :v and blob_key = :k)")
                        .param("v", videoId).param("k", key).update();
            } catch (DuplicateKeyException alreadyThere) {
                // registered concurrently by a retry of the same step: nothing to do
            }
        }
    }

    boolean hasAsset(String videoId, String blobKey) {
        return jdbc.sql("select count(*) from videos v where v.id = :v and (v.source_blob_key = :k "
                + "or v.cover_blob_key = :k "
                + "or exists (select 1 from renditions r where r.video_id = v.id and r.blob_key = :k) "
                + "or exists (select 1 from video_assets a where a.video_id = v.id and a.blob_key = :k))")
                .param("v", videoId).param("k", blobKey).query(Long.class).single() > 0;
    }

    /** Every derived blob of the video: registered assets and rendition files (the cover is added by the caller). */
    List<String> allAssetKeys(String videoId) {
        Set<String> keys = new LinkedHashSet<>(jdbc.sql("select blob_key from video_assets where video_id = :v")
                .param("v", videoId).query(String.class).list());
        keys.addAll(jdbc.sql("select blob_key from renditions where video_id = :v and blob_key is not null")
                .param("v", videoId).query(String.class).list());
        return new ArrayList<>(keys);
    }

    private static Rendition rendition(ResultSet rs) throws SQLException {
        return new Rendition(rs.getString("id"), rs.getString("kind"), rs.getString("codec"), rs.getInt("width"),
                rs.getInt("height"), rs.getLong("bitrate"), rs.getLong("size_bytes"), rs.getString("blob_key"),
                rs.getObject("ssim", Double.class), rs.getObject("psnr", Double.class),
                rs.getObject("preload_end", Long.class));
    }
}
