package io.clipfeed.social;

import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.clipfeed.platform.Db;

/** The avatar of each user who uploaded one: a row per user, replaced on every upload. */
@Repository
class AvatarStore {

    record Stored(byte[] image, String etag, Instant updatedAt) {
    }

    private final JdbcClient jdbc;

    AvatarStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Stored> find(String userId) {
        return jdbc.sql("select image, etag, updated_at from user_avatars where user_id = ?").param(userId)
                .query((rs, n) -> new Stored(rs.getBytes("image"), rs.getString("etag"), Db.instant(rs, "updated_at")))
                .optional();
    }

    /** Update first, insert when there was nothing; two first uploads racing end with the later one's update. */
    void save(String userId, byte[] image, String etag, Instant at) {
        if (update(userId, image, etag, at) > 0) {
            return;
        }
        try {
            jdbc.sql("insert into user_avatars (user_id, image, etag, updated_at) values (?, ?, ?, ?)")
                    .params(userId, image, etag, Db.ts(at)).update();
        } catch (DuplicateKeyException e) {
            update(userId, image, etag, at);
        }
    }

    private int update(String userId, byte[] image, String etag, Instant at) {
        return jdbc.sql("update user_avatars set image = ?, etag = ?, updated_at = ? where user_id = ?")
                .params(image, etag, Db.ts(at), userId).update();
    }

    boolean delete(String userId) {
        return jdbc.sql("delete from user_avatars where user_id = ?").param(userId).update() > 0;
    }
}
