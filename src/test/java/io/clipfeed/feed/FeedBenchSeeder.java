package io.clipfeed.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Seeds a migrated, stopped Clipfeed database for bench/feed with direct batch inserts: {@code users} accounts
 * (the first 1000 with known access tokens {@code benchtoken<n>}), {@code videos} published public videos by 2000
 * of them with hashtags and an MP4 rendition, the feed's listings, about {@code interactions} plays, completions
 * and likes from users with two favourite topics, and 20 follows per user. Not a test: run by bench/feed/run.sh.
 * Usage: {@code FeedBenchSeeder <jdbc-url> <videos> <users> <interactions> [user] [password]} (H2's {@code sa} and
 * no password by default; for PostgreSQL add {@code reWriteBatchedInserts=true} to the URL).
 */
public final class FeedBenchSeeder {

    static final String[] WORDS = {"sunset", "kayak", "guitar", "recipe", "puppy", "kitten", "skate", "mountain",
        "dance", "prank", "garden", "coffee", "pasta", "robot", "origami", "surf", "chess", "paint", "yoga", "drums"};
    static final int TOPICS = 200;
    static final int CREATORS = 2000;
    static final int TOKENS = 1000;

    private final Random random = new Random(7);
    private final Instant now = Instant.now();

    public static void main(String[] args) throws Exception {
        String user = args.length > 4 ? args[4] : "sa";
        String password = args.length > 5 ? args[5] : "";
        try (Connection db = DriverManager.getConnection(args[0], user, password)) {
            db.setAutoCommit(false);
            new FeedBenchSeeder().seed(db, Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                    Integer.parseInt(args[3]));
        }
    }

    static String user(int n) {
        return String.format("bu%08d", n);
    }

    static String video(int n) {
        return String.format("bv%09d", n);
    }

    void seed(Connection db, int videos, int users, int interactions) throws Exception {
        long t = System.nanoTime();
        seedUsers(db, users);
        int[] topicOf = seedVideos(db, videos);
        seedInteractions(db, topicOf, users, interactions);
        seedFollows(db, users);
        System.out.printf("seeded %d videos, %d users, ~%d interactions in %d s%n", videos, users, interactions,
                (System.nanoTime() - t) / 1_000_000_000);
    }

    private void seedUsers(Connection db, int users) throws Exception {
        try (PreparedStatement a = db.prepareStatement("insert into accounts (id, username, password_hash, roles, "
                + "created_at) values (?, ?, 'bench-no-login', 'USER', ?)");
                PreparedStatement tok = db.prepareStatement("insert into access_tokens (token_hash, account_id, "
                        + "created_at, expires_at) values (?, ?, ?, ?)")) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (int u = 0; u < users; u++) {
                a.setString(1, user(u));
                a.setString(2, "bench_" + u);
                a.setTimestamp(3, Timestamp.from(now));
                a.addBatch();
                if (u < TOKENS) {
                    tok.setString(1, HexFormat.of().formatHex(sha.digest(("benchtoken" + u)
                            .getBytes(StandardCharsets.UTF_8))));
                    tok.setString(2, user(u));
                    tok.setTimestamp(3, Timestamp.from(now));
                    tok.setTimestamp(4, Timestamp.from(now.plus(Duration.ofDays(30))));
                    tok.addBatch();
                }
            }
            a.executeBatch();
            tok.executeBatch();
            db.commit();
        }
    }

    private int[] seedVideos(Connection db, int videos) throws Exception {
        int[] topicOf = new int[videos];
        String v = "insert into videos (id, creator_id, title, description, visibility, status, duration_ms, width, "
                + "height, progress, created_at, updated_at, published_at) values (?, ?, ?, ?, 'PUBLIC', "
                + "'PUBLISHED', 15000, 540, 960, 100, ?, ?, ?)";
        try (PreparedStatement video = db.prepareStatement(v);
                PreparedStatement tag = db.prepareStatement("insert into video_hashtags (video_id, tag, position) "
                        + "values (?, ?, ?)");
                PreparedStatement rendition = db.prepareStatement("insert into renditions (id, video_id, kind, "
                        + "codec, width, height, bitrate, size_bytes, blob_key, preload_end, created_at) values "
                        + "(?, ?, 'mp4', 'avc1.64001f', 540, 960, 1000000, 2000000, ?, 150000, ?)");
                PreparedStatement listing = db.prepareStatement("insert into feed_videos (video_id, creator_id, "
                        + "hashtags, published_at) values (?, ?, ?, ?)")) {
            for (int n = 0; n < videos; n++) {
                int creator = random.nextInt(CREATORS);
                int topic = creator % TOPICS;
                topicOf[n] = topic;
                List<String> tags = new ArrayList<>(List.of("topic" + topic));
                if (random.nextDouble() < 0.3) {
                    tags.add("topic" + random.nextInt(TOPICS));
                }
                tags = tags.stream().distinct().toList();
                Timestamp at = Timestamp.from(now.minusSeconds(random.nextInt(30 * 24 * 3600)));
                String title = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)]
                        + " " + n;
                video.setString(1, video(n));
                video.setString(2, user(creator));
                video.setString(3, title);
                video.setString(4, "A clip about " + WORDS[topic % WORDS.length] + " #" + String.join(" #", tags));
                video.setTimestamp(5, at);
                video.setTimestamp(6, at);
                video.setTimestamp(7, at);
                video.addBatch();
                for (int i = 0; i < tags.size(); i++) {
                    tag.setString(1, video(n));
                    tag.setString(2, tags.get(i));
                    tag.setInt(3, i);
                    tag.addBatch();
                }
                rendition.setString(1, String.format("br%09d", n));
                rendition.setString(2, video(n));
                rendition.setString(3, hex64(n));
                rendition.setTimestamp(4, at);
                rendition.addBatch();
                listing.setString(1, video(n));
                listing.setString(2, user(creator));
                listing.setString(3, String.join(" ", tags));
                listing.setTimestamp(4, at);
                listing.addBatch();
                if (n % 5000 == 4999) {
                    flush(db, video, tag, rendition, listing);
                }
            }
            flush(db, video, tag, rendition, listing);
        }
        return topicOf;
    }

    private void seedInteractions(Connection db, int[] topicOf, int users, int interactions) throws Exception {
        List<List<Integer>> byTopic = new ArrayList<>();
        for (int t = 0; t < TOPICS; t++) {
            byTopic.add(new ArrayList<>());
        }
        for (int n = 0; n < topicOf.length; n++) {
            byTopic.get(topicOf[n]).add(n);
        }
        int playsPerUser = Math.max(1, (int) (interactions / 1.7 / users));
        try (PreparedStatement i = db.prepareStatement("insert into feed_interactions (viewer_key, video_id, kind, "
                + "at) values (?, ?, ?, ?)")) {
            int rows = 0;
            for (int u = 0; u < users; u++) {
                int first = random.nextInt(TOPICS);
                int second = random.nextInt(TOPICS);
                for (int p = 0; p < playsPerUser; p++) {
                    double r = random.nextDouble();
                    List<Integer> pool = byTopic.get(r < 0.5 ? first : r < 0.85 ? second : random.nextInt(TOPICS));
                    int n = pool.isEmpty() ? random.nextInt(topicOf.length) : pool.get(skewed(pool.size()));
                    Timestamp at = Timestamp.from(now.minusSeconds(random.nextInt(7 * 24 * 3600)));
                    rows += add(i, "u:" + user(u), video(n), "PLAY", at);
                    if (random.nextDouble() < 0.5) {
                        rows += add(i, "u:" + user(u), video(n), "COMPLETE", at);
                    }
                    if (random.nextDouble() < 0.2) {
                        rows += add(i, "u:" + user(u), video(n), "LIKE", at);
                    }
                    if (rows >= 10_000) {
                        i.executeBatch();
                        db.commit();
                        rows = 0;
                    }
                }
            }
            i.executeBatch();
            db.commit();
        }
    }

    private void seedFollows(Connection db, int users) throws Exception {
        try (PreparedStatement f = db.prepareStatement("insert into feed_follows (follower_id, followee_id) "
                + "values (?, ?)")) {
            for (int u = 0; u < users; u++) {
                String follower = user(u);
                random.ints(0, CREATORS).distinct().limit(20).forEach(c -> {
                    try {
                        f.setString(1, follower);
                        f.setString(2, user(c));
                        f.addBatch();
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            f.executeBatch();
            db.commit();
        }
    }

    /** Index skewed towards the start of the pool: a few videos of each topic are much more watched. */
    private int skewed(int size) {
        return (int) Math.min(size - 1, Math.floor(size * Math.pow(random.nextDouble(), 3)));
    }

    private static int add(PreparedStatement i, String viewer, String video, String kind, Timestamp at)
            throws java.sql.SQLException {
        i.setString(1, viewer);
        i.setString(2, video);
        i.setString(3, kind);
        i.setTimestamp(4, at);
        i.addBatch();
        return 1;
    }

    private static String hex64(int n) {
        return String.format("%064x", n + 1L);
    }

    private static void flush(Connection db, PreparedStatement... batches) throws Exception {
        for (PreparedStatement b : batches) {
            b.executeBatch();
        }
        db.commit();
    }
}
