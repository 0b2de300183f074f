package io.clipfeed.social;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Each counter table with, per column, the query that recounts it from its source rows ({@code c} = the row). */
enum CounterTable {

    VIDEOS("video_counters", "video_id", new String[][] {
            {"likes", "select count(*) from video_likes s where s.video_id = c.video_id"},
            {"comments", "select count(*) from comments s where s.video_id = c.video_id"},
            {"views", "select count(*) from video_views s where s.video_id = c.video_id"},
            {"shares", "select count(*) from video_shares s where s.video_id = c.video_id"}}),
    USERS("user_counters", "user_id", new String[][] {
            {"followers", "select count(*) from follows s where s.followee_id = c.user_id"},
            {"following", "select count(*) from follows s where s.follower_id = c.user_id"},
            {"likes_received", "select count(*) from video_likes s where s.creator_id = c.user_id"}});

    final String name;
    final String key;
    final String[][] counts;

    CounterTable(String name, String key, String[][] counts) {
        this.name = name;
        this.key = key;
        this.counts = counts;
    }

    String columns() {
        return Arrays.stream(counts).map(c -> c[0]).collect(Collectors.joining(", "));
    }

    String recounts() {
        return Arrays.stream(counts).map(c -> "(" + c[1] + ")").collect(Collectors.joining(", "));
    }

    /** Ids among {@code :ids} whose stored counts differ from a recount. */
    String driftedAmong() {
        String differs = Arrays.stream(counts).map(c -> "c." + c[0] + " <> (" + c[1] + ")")
                .collect(Collectors.joining(" or "));
        return "select " + key + " from " + name + " c where " + key + " in (:ids) and (" + differs + ")";
    }

    long[] read(ResultSet rs) throws SQLException {
        long[] values = new long[counts.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = rs.getLong(i + 1);
        }
        return values;
    }
}
