package io.clipfeed.upload;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.clipfeed.platform.Db;
import io.clipfeed.upload.UploadSession.Kind;
import io.clipfeed.upload.UploadSession.State;

/** Upload sessions in the database. Offsets only move forward through {@link #advance}, guarded by the old value. */
@Repository
class UploadSessions {

    private final JdbcClient jdbc;

    UploadSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UploadSession s) {
        jdbc.sql("""
                insert into upload_sessions (id, owner_id, video_id, kind, state, upload_length, upload_offset,
                    metadata, content_type, part_ids, blob_key, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s.id(), s.ownerId(), s.videoId(), s.kind().name(), s.state().name(), s.length(), s.offset(),
                        s.metadata(), s.contentType(), s.partIds().isEmpty() ? null : String.join(" ", s.partIds()),
                        s.blobKey(), Db.ts(s.createdAt()), Db.ts(s.expiresAt()))
                .update();
    }

    Optional<UploadSession> find(String id) {
        return jdbc.sql("select * from upload_sessions where id = ?").param(id).query(UploadSessions::map).optional();
    }

    /** Commits a new offset (and state) only if nobody moved it since {@code from} was read. */
    boolean advance(String id, long from, long to, State state, Instant expiresAt) {
        return jdbc.sql("""
                update upload_sessions set upload_offset = ?, state = ?, expires_at = ?
                where id = ? and upload_offset = ? and state = 'RECEIVING'""")
                .params(to, state.name(), Db.ts(expiresAt), id, from).update() == 1;
    }

    boolean declareLength(String id, long length) {
        return jdbc.sql("update upload_sessions set upload_length = ? where id = ? and upload_length is null")
                .params(length, id).update() == 1;
    }

    boolean changeState(String id, State from, State to) {
        return jdbc.sql("update upload_sessions set state = ? where id = ? and state = ?")
                .params(to.name(), id, from.name()).update() == 1;
    }

    boolean terminate(String id) {
        return jdbc.sql("update upload_sessions set state = 'TERMINATED' where id = ? and state <> 'TERMINATED'")
                .param(id).update() == 1;
    }

    void recordBlob(String id, String blobKey) {
        jdbc.sql("update upload_sessions set blob_key = ? where id = ?").params(blobKey, id).update();
    }

    void markCompleted(String id, Instant at) {
        jdbc.sql("update upload_sessions set state = 'COMPLETED', completed_at = ? where id = ?")
                .params(Db.ts(at), id).update();
    }

    /** Incomplete uploads of a user that still hold a slot (not expired by time). */
    int countIncomplete(String ownerId, Instant now) {
        return jdbc.sql("""
                select count(*) from upload_sessions
                where owner_id = ? and state = 'RECEIVING' and expires_at > ?""")
                .params(ownerId, Db.ts(now)).query(Integer.class).single();
    }

    /** Bytes a user declared (or sent, where the length is unknown or the upload was abandoned) since a time. */
    long bytesSince(String ownerId, Instant since) {
        return jdbc.sql("""
                select coalesce(sum(case when state in ('TERMINATED', 'EXPIRED') or upload_length is null
                                         then upload_offset else upload_length end), 0)
                from upload_sessions where owner_id = ? and kind <> 'FINAL' and created_at > ?""")
                .params(ownerId, Db.ts(since)).query(Long.class).single();
    }

    /** Uploads whose time ran out: incomplete ones, and partials no final upload joined. */
    List<UploadSession> expired(Instant now, int limit) {
        return jdbc.sql("""
                select * from upload_sessions
                where expires_at < ? and (state = 'RECEIVING' or (kind = 'PARTIAL' and state = 'COMPLETED'))
                order by expires_at limit ?""")
                .params(Db.ts(now), limit).query(UploadSessions::map).list();
    }

    /** Completions that should be running; used to re-schedule any whose job was lost in a crash. */
    List<String> completing(Instant before) {
        return jdbc.sql("select id from upload_sessions where state = 'COMPLETING' and created_at < ?")
                .param(Db.ts(before)).query(String.class).list();
    }

    boolean hasUploadForVideo(String videoId) {
        return jdbc.sql("select count(*) from upload_sessions where video_id = ?").param(videoId)
                .query(Integer.class).single() > 0;
    }

    private static UploadSession map(ResultSet rs, int row) throws SQLException {
        long length = rs.getLong("upload_length");
        Long lengthOrNull = rs.wasNull() ? null : length;
        String parts = rs.getString("part_ids");
        return new UploadSession(rs.getString("id"), rs.getString("owner_id"), rs.getString("video_id"),
                Kind.valueOf(rs.getString("kind")), State.valueOf(rs.getString("state")), lengthOrNull,
                rs.getLong("upload_offset"), rs.getString("metadata"), rs.getString("content_type"),
                parts == null ? List.of() : Arrays.asList(parts.split(" ")), rs.getString("blob_key"),
                Db.instant(rs, "created_at"), Db.instant(rs, "expires_at"));
    }
}
