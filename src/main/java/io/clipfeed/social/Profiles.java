package io.clipfeed.social;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.clipfeed.platform.Db;

/** Bio and privacy setting of each user; a user without a row has an empty bio and public likes. */
@Repository
class Profiles {

    record Settings(String bio, boolean likesPublic) {
        static final Settings DEFAULT = new Settings("", true);
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Profiles(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Settings of(String userId) {
        return jdbc.sql("select bio, likes_public from profiles where user_id = :u").param("u", userId)
                .query((rs, n) -> new Settings(rs.getString("bio"), rs.getBoolean("likes_public"))).optional()
                .orElse(Settings.DEFAULT);
    }

    Map<String, String> bios(Collection<String> userIds) {
        Map<String, String> bios = new HashMap<>();
        if (!userIds.isEmpty()) {
            jdbc.sql("select user_id, bio from profiles where user_id in (:ids)").param("ids", userIds)
                    .query(rs -> {
                        bios.put(rs.getString("user_id"), rs.getString("bio"));
                    });
        }
        return bios;
    }

    void save(String userId, Settings settings) {
        int updated = jdbc.sql("update profiles set bio = :b, likes_public = :p, updated_at = :t where user_id = :u")
                .param("b", settings.bio()).param("p", settings.likesPublic()).param("t", Db.ts(clock.instant()))
                .param("u", userId).update();
        if (updated == 0) {
            try {
                jdbc.sql("insert into profiles (user_id, bio, likes_public, updated_at) values (:u, :b, :p, :t)")
                        .param("u", userId).param("b", settings.bio()).param("p", settings.likesPublic())
                        .param("t", Db.ts(clock.instant())).update();
            } catch (DuplicateKeyException concurrent) {
                save(userId, settings);
            }
        }
    }
}
