import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Social benchmarks against a running Clipfeed on PostgreSQL (the database is seeded with SQL directly).
 * Usage: java -cp HdrHistogram.jar:postgresql.jar SocialBench.java baseUrl jdbcUrl clients seconds rounds
 * Per round: like/unlike through HTTP with N clients; the same write as SQL through JDBC (baseline); a trivial GET of
 * the same app (baseline); then the first and a deep page of a video's 50,000 comments. Prints throughput, p50/p99
 * per series and round, medians over rounds and the ratios.
 */
public class SocialBench {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    record Result(String name, double perSecond, double p50Ms, double p99Ms, long errors) {
        @Override
        public String toString() {
            return String.format("%-34s %9.0f req/s  p50 %7.2f ms  p99 %8.2f ms  errors %d", name, perSecond, p50Ms,
                    p99Ms, errors);
        }
    }

    interface Call {
        boolean run(int client) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String jdbcUrl = args[1];
        int clients = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int rounds = Integer.parseInt(args[4]);
        List<String[]> users;
        String video;
        String deepCursor;
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            users = users(db, clients);
            video = seedVideo(db, users.get(0)[1]);
            deepCursor = seedComments(db, video, users, 50_000);
        }
        System.out.printf("video %s: 50000 comments seeded; %d clients, %d s per series, %d rounds%n", video, clients,
                seconds, rounds);
        List<List<Result>> all = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            List<Result> round = round(base, jdbcUrl, users, video, deepCursor, clients, seconds);
            round.forEach(x -> System.out.println("round " + ((all.size()) + 1) + ": " + x));
            all.add(round);
        }
        summary(all);
    }

    static List<Result> round(String base, String jdbcUrl, List<String[]> users, String video, String deep,
            int clients, int seconds) throws Exception {
        boolean[] liked = new boolean[clients];
        String likeUrl = base + "/api/v1/videos/" + video + "/like";
        List<Result> out = new ArrayList<>();
        out.add(load("HTTP like/unlike", clients, seconds, c -> {
            liked[c] = !liked[c];
            return send(HttpRequest.newBuilder(URI.create(likeUrl)).header("Authorization", "Bearer " + users.get(c)[0])
                    .method(liked[c] ? "PUT" : "DELETE", HttpRequest.BodyPublishers.noBody())) == 200;
        }));
        out.add(jdbcLikes(jdbcUrl, users, clients, seconds));
        out.add(load("HTTP GET /actuator/health/liveness", clients, seconds,
                c -> send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/liveness"))) == 200));
        String comments = base + "/api/v1/videos/" + video + "/comments?limit=20";
        int readers = Math.min(clients, 32);
        out.add(load("comments first page (" + readers + " clients)", readers, seconds,
                c -> send(HttpRequest.newBuilder(URI.create(comments))) == 200));
        out.add(load("comments deep page (" + readers + " clients)", readers, seconds,
                c -> send(HttpRequest.newBuilder(URI.create(comments + "&cursor=" + deep))) == 200));
        return out;
    }

    /** The like write as the service does it, as plain SQL through JDBC: the floor the endpoint stands on. */
    static Result jdbcLikes(String jdbcUrl, List<String[]> users, int clients, int seconds) throws Exception {
        String video;
        Connection[] conns = new Connection[Math.min(clients, 20)];
        for (int i = 0; i < conns.length; i++) {
            conns[i] = DriverManager.getConnection(jdbcUrl, "postgres", "");
            conns[i].setAutoCommit(false);
        }
        video = seedVideo(conns[0], users.get(0)[1]);
        conns[0].commit();
        boolean[] liked = new boolean[clients];
        try {
            return load("JDBC like/unlike (pool " + conns.length + ")", clients, seconds, c -> {
                Connection db = conns[c % conns.length];
                synchronized (db) {
                    liked[c] = !liked[c];
                    return jdbcLike(db, video, users.get(c)[1], liked[c]);
                }
            });
        } finally {
            for (Connection c : conns) {
                c.close();
            }
        }
    }

    static boolean jdbcLike(Connection db, String video, String user, boolean like) throws Exception {
        String change = like ? "insert into video_likes (video_id, user_id, creator_id, created_at) "
                + "values (?, ?, 'bench', now()) on conflict do nothing"
                : "delete from video_likes where video_id = ? and user_id = ?";
        try (PreparedStatement s = db.prepareStatement(change)) {
            s.setString(1, video);
            s.setString(2, user);
            if (s.executeUpdate() == 1) {
                try (PreparedStatement u = db.prepareStatement(
                        "update video_counters set likes = likes + ? where video_id = ?")) {
                    u.setInt(1, like ? 1 : -1);
                    u.setString(2, video);
                    u.executeUpdate();
                }
            }
        }
        db.commit();
        return true;
    }

    static int send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** Each client calls in a closed loop; 2 s warm-up, then {@code seconds} measured. */
    static Result load(String name, int clients, int seconds, Call call) throws Exception {
        Recorder recorder = new Recorder(3);
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long warmUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        long endAt = warmUntil + TimeUnit.SECONDS.toNanos(seconds);
        CountDownLatch done = new CountDownLatch(clients);
        for (int i = 0; i < clients; i++) {
            int client = i;
            pool.execute(() -> {
                try {
                    while (System.nanoTime() < endAt) {
                        long start = System.nanoTime();
                        boolean ok;
                        try {
                            ok = call.run(client);
                        } catch (Exception e) {
                            ok = false;
                        }
                        if (start >= warmUntil) {
                            recorder.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
                            if (!ok) {
                                errors.incrementAndGet();
                            }
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        try {
            Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(warmUntil - System.nanoTime())));
            recorder.reset();
            done.await();
        } finally {
            pool.shutdown();
        }
        Histogram h = recorder.getIntervalHistogram();
        return new Result(name, h.getTotalCount() / (double) seconds, h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, errors.get());
    }

    /**
     * {@code n} users with access tokens, inserted with SQL (a bench shortcut: signing up hashes a password with
     * Argon2id, minutes for 200 users on a busy machine). Tokens are stored as their SHA-256, as identity does.
     */
    static List<String[]> users(Connection db, int n) throws Exception {
        List<String[]> users = new ArrayList<>();
        String run = Long.toString(System.nanoTime(), 36);
        for (int i = 0; i < n; i++) {
            String id = "benchu" + run + i;
            String token = "benchtoken" + run + "x" + i;
            try (PreparedStatement a = db.prepareStatement("insert into accounts (id, username, password_hash, roles, "
                    + "created_at) values (?, ?, '!', 'USER', now())");
                    PreparedStatement t = db.prepareStatement("insert into access_tokens (token_hash, account_id, "
                            + "created_at, expires_at) values (?, ?, now(), now() + interval '1 day')")) {
                a.setString(1, id);
                a.setString(2, ("b" + run + "_" + i).toLowerCase());
                a.executeUpdate();
                t.setString(1, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(token.getBytes(StandardCharsets.UTF_8))));
                t.setString(2, id);
                t.executeUpdate();
            }
            users.add(new String[] {token, id});
        }
        return users;
    }

    /** A published public video straight into the catalog's table (a bench shortcut: no clip is needed). */
    static String seedVideo(Connection db, String creator) throws Exception {
        String id = "bench" + Long.toString(System.nanoTime(), 36);
        try (PreparedStatement s = db.prepareStatement("insert into videos (id, creator_id, title, description, "
                + "visibility, status, progress, created_at, updated_at, published_at, duration_ms, width, height) "
                + "values (?, ?, 'bench', '', 'PUBLIC', 'PUBLISHED', 100, now(), now(), now(), 10000, 540, 960)")) {
            s.setString(1, id);
            s.setString(2, creator);
            s.executeUpdate();
        }
        try (PreparedStatement s = db.prepareStatement("insert into video_counters (video_id) values (?)")) {
            s.setString(1, id);
            s.executeUpdate();
        }
        if (!db.getAutoCommit()) {
            db.commit();
        }
        return id;
    }

    /** {@code n} top-level comments one second apart, and the cursor of the page at comment n - 1000 (deep). */
    static String seedComments(Connection db, String video, List<String[]> users, int n) throws Exception {
        try (PreparedStatement s = db.prepareStatement("""
                insert into comments (id, video_id, parent_id, depth, author_id, body, mentions, created_at)
                select 'c' || ? || lpad(g::text, 8, '0'), ?, null, 0, ?, 'comment number ' || g, '',
                       now() - (g || ' seconds')::interval
                from generate_series(1, ?) g""")) {
            s.setString(1, video);
            s.setString(2, video);
            s.setString(3, users.get(1)[1]);
            s.setInt(4, n);
            s.executeUpdate();
        }
        try (PreparedStatement s = db.prepareStatement("update video_counters set comments = ? where video_id = ?")) {
            s.setLong(1, n);
            s.setString(2, video);
            s.executeUpdate();
        }
        try (PreparedStatement s = db.prepareStatement("select created_at, id from comments where video_id = ? "
                + "and depth = 0 order by created_at desc, id desc offset ? limit 1")) {
            s.setString(1, video);
            s.setInt(2, n - 1000);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                Timestamp at = rs.getTimestamp(1);
                String raw = "0:" + at.toInstant().getEpochSecond() + ":" + at.toInstant().getNano() + ":"
                        + rs.getString(2);
                return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    static void summary(List<List<Result>> rounds) {
        System.out.println("medians over " + rounds.size() + " round(s):");
        int series = rounds.get(0).size();
        double[] rate = new double[series];
        for (int i = 0; i < series; i++) {
            int s = i;
            rate[i] = median(rounds.stream().mapToDouble(r -> r.get(s).perSecond()).toArray());
            double p50 = median(rounds.stream().mapToDouble(r -> r.get(s).p50Ms()).toArray());
            double p99 = median(rounds.stream().mapToDouble(r -> r.get(s).p99Ms()).toArray());
            System.out.printf("  %-34s %9.0f req/s  p50 %7.2f ms  p99 %8.2f ms%n", rounds.get(0).get(i).name(),
                    rate[i], p50, p99);
        }
        System.out.printf("ratio HTTP like / JDBC like throughput: %.2f%n", rate[0] / rate[1]);
        System.out.printf("ratio HTTP like / trivial GET throughput: %.2f%n", rate[0] / rate[2]);
        System.out.printf("ratio deep / first comments page throughput: %.2f%n", rate[4] / rate[3]);
    }

    static double median(double[] values) {
        java.util.Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
