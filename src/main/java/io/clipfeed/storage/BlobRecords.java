package io.clipfeed.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.clipfeed.platform.Db;

/**
 * The {@code blobs} table: one row per stored content, with its reference count. Every count change is a single
 * atomic statement or happens under the row's lock, so concurrent callers in any number of processes agree.
 */
class BlobRecords {

    private final JdbcClient jdbc;

    BlobRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Blob> findReferenced(BlobKey key) {
        return jdbc.sql("select sha256, size_bytes, content_type from blobs where sha256 = ? and refcount > 0")
                .param(key.sha256())
                .query((rs, n) -> new Blob(new BlobKey(rs.getString(1)), rs.getLong(2), rs.getString(3)))
                .optional();
    }

    /** Adds a reference if the blob is referenced now; a blob at zero is on its way out and cannot be revived. */
    boolean retainIfReferenced(BlobKey key) {
        return jdbc.sql("update blobs set refcount = refcount + 1 where sha256 = ? and refcount > 0")
                .param(key.sha256()).update() == 1;
    }

    /** Creates the row at zero references unless it exists; never fails on a concurrent insert. */
    void insertUnreferenced(BlobKey key, long size, String contentType, Instant now) {
        jdbc.sql("""
                insert into blobs (sha256, size_bytes, content_type, refcount, created_at)
                values (?, ?, ?, 0, ?) on conflict do nothing""")
                .params(key.sha256(), size, contentType, Db.ts(now)).update();
    }

    /** Locks the row until the transaction ends and returns its count; empty when there is no row. */
    OptionalLong lockRefcount(BlobKey key) {
        return jdbc.sql("select refcount from blobs where sha256 = ? for update").param(key.sha256())
                .query((rs, n) -> rs.getLong(1)).optional()
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    void increment(BlobKey key) {
        jdbc.sql("update blobs set refcount = refcount + 1 where sha256 = ?").param(key.sha256()).update();
    }

    /** Drops one reference and returns what remains; empty when the blob had none to drop. */
    OptionalLong decrement(BlobKey key) {
        int updated = jdbc.sql("update blobs set refcount = refcount - 1 where sha256 = ? and refcount > 0")
                .param(key.sha256()).update();
        if (updated == 0) {
            return OptionalLong.empty();
        }
        // the update holds the row lock until commit, so this read sees our own count
        return lockRefcount(key);
    }

    void delete(BlobKey key) {
        jdbc.sql("delete from blobs where sha256 = ? and refcount = 0").param(key.sha256()).update();
    }

    List<BlobKey> unreferenced(int limit) {
        return jdbc.sql("select sha256 from blobs where refcount = 0 order by created_at limit ?").param(limit)
                .query((rs, n) -> new BlobKey(rs.getString(1))).list();
    }

    long references(BlobKey key) {
        return jdbc.sql("select refcount from blobs where sha256 = ?").param(key.sha256())
                .query(Long.class).optional().orElse(0L);
    }

    long referencedBytes() {
        return jdbc.sql("select coalesce(sum(size_bytes), 0) from blobs where refcount > 0").query(Long.class).single();
    }

    long referencedBlobs() {
        return jdbc.sql("select count(*) from blobs where refcount > 0").query(Long.class).single();
    }
}
