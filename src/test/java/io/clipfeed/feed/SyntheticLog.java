package io.clipfeed.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A synthetic world for offline evaluation: topics (hashtags), creators who each post about one topic, videos of
 * unequal appeal, and users with latent tastes (two favourite topics) who play, complete and like videos — mostly
 * of their topics, picked with a bias towards appealing ones, sometimes anything. Each user's last
 * {@code heldOut} videos are held out as the truth to predict. Seeded, so every run is the same world.
 */
final class SyntheticLog {

    record Video(String id, String creatorId, List<String> tags, double appeal, Instant publishedAt) {
    }

    final List<Video> videos = new ArrayList<>();
    final List<Interaction> training = new ArrayList<>();
    final Map<String, Set<String>> trainedVideos = new HashMap<>();
    final Map<String, Set<String>> heldOut = new HashMap<>();
    final Instant start = Instant.parse("2026-10-01T00:00:00Z");
    final Instant end = start.plus(Duration.ofDays(30));

    private final Random random;
    private final int topics;
    private final Map<Integer, List<Video>> byTopic = new HashMap<>();

    SyntheticLog(long seed, int topics, int creators, int videoCount, int users, int playsPerUser, int heldOutPerUser) {
        this.random = new Random(seed);
        this.topics = topics;
        makeVideos(creators, videoCount);
        for (int u = 0; u < users; u++) {
            makeUser("user" + u, playsPerUser, heldOutPerUser);
        }
        training.sort(Comparator.comparing(Interaction::at));
    }

    private void makeVideos(int creators, int count) {
        int[] creatorTopic = new int[creators];
        for (int c = 0; c < creators; c++) {
            creatorTopic[c] = random.nextInt(topics);
        }
        for (int i = 0; i < count; i++) {
            int creator = random.nextInt(creators);
            int topic = creatorTopic[creator];
            List<String> tags = new ArrayList<>(List.of("topic" + topic));
            if (random.nextDouble() < 0.3) {
                tags.add("topic" + random.nextInt(topics));
            }
            // publication before the log starts: every video is past the exploration window by the end
            Video v = new Video("video" + i, "creator" + creator, List.copyOf(new HashSet<>(tags)),
                    Math.exp(random.nextGaussian()), start.minus(Duration.ofMinutes(random.nextInt(14 * 24 * 60))));
            videos.add(v);
            byTopic.computeIfAbsent(topic, t -> new ArrayList<>()).add(v);
        }
    }

    private void makeUser(String user, int plays, int heldOutCount) {
        String key = "u:" + user;
        int first = random.nextInt(topics);
        int second = random.nextInt(topics);
        Set<String> watched = new HashSet<>();
        List<Video> sequence = new ArrayList<>();
        while (sequence.size() < plays + heldOutCount) {
            double r = random.nextDouble();
            int topic = r < 0.5 ? first : r < 0.85 ? second : random.nextInt(topics);
            Video v = pickByAppeal(byTopic.getOrDefault(topic, videos));
            if (watched.add(v.id())) {
                sequence.add(v);
            }
        }
        Instant at = start.plus(Duration.ofMinutes(random.nextInt(24 * 60)));
        for (int i = 0; i < sequence.size(); i++) {
            Video v = sequence.get(i);
            at = at.plus(Duration.ofMinutes(1 + random.nextInt(60 * 12)));
            if (i >= plays) {
                heldOut.computeIfAbsent(user, k -> new HashSet<>()).add(v.id());
                continue;
            }
            trainedVideos.computeIfAbsent(user, k -> new HashSet<>()).add(v.id());
            boolean match = v.tags().contains("topic" + first) || v.tags().contains("topic" + second);
            training.add(new Interaction(key, v.id(), Signal.PLAY, at));
            if (random.nextDouble() < (match ? 0.6 : 0.2)) {
                training.add(new Interaction(key, v.id(), Signal.COMPLETE, at.plusSeconds(10)));
            }
            if (random.nextDouble() < (match ? 0.3 : 0.05)) {
                training.add(new Interaction(key, v.id(), Signal.LIKE, at.plusSeconds(11)));
            }
        }
    }

    /** Appeal-weighted choice: appealing videos are picked more often, as in any real catalog. */
    private Video pickByAppeal(List<Video> pool) {
        double total = pool.stream().mapToDouble(Video::appeal).sum();
        double x = random.nextDouble() * total;
        for (Video v : pool) {
            x -= v.appeal();
            if (x <= 0) {
                return v;
            }
        }
        return pool.get(pool.size() - 1);
    }
}
