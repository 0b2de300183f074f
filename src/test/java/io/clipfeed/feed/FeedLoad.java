package io.clipfeed.feed;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * A constant-rate load generator for bench/feed: sends {@code rate} requests a second of one scenario for
 * {@code seconds} (after a warm-up that is not recorded) and prints latency percentiles measured from each
 * request's intended start, so a stalled server shows up as latency rather than as fewer requests
 * (coordinated omission). Not a test. Usage: {@code FeedLoad <baseUrl> <scenario> <rate> <warmupSeconds> <seconds>
 * <videos> <users>}; scenarios: video, for-you, for-you-anon, following, trending, hashtag, search.
 */
public final class FeedLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String scenario = args[1];
        int rate = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int videos = Integer.parseInt(args[5]);
        int users = Integer.parseInt(args[6]);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        run(client, base, scenario, rate, warmup, videos, users, null);
        Histogram histogram = new ConcurrentHistogram(60_000_000_000L, 3);
        AtomicLong errors = new AtomicLong();
        long took = run(client, base, scenario, rate, seconds, videos, users, new Recorder(histogram, errors));
        System.out.printf("%-13s rate=%d achieved=%.0f/s n=%d errors=%d p50=%.2fms p90=%.2fms p99=%.2fms "
                + "p99.9=%.2fms max=%.2fms%n", scenario, rate, histogram.getTotalCount() * 1e9 / took,
                histogram.getTotalCount(), errors.get(), ms(histogram, 50), ms(histogram, 90), ms(histogram, 99),
                ms(histogram, 99.9), histogram.getMaxValue() / 1e6);
    }

    record Recorder(Histogram histogram, AtomicLong errors) {
    }

    private static long run(HttpClient client, String base, String scenario, int rate, int seconds, int videos,
            int users, Recorder recorder) throws InterruptedException {
        ExecutorService senders = Executors.newFixedThreadPool(200);
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long total = (long) rate * seconds;
        for (long i = 0; i < total; i++) {
            long intended = start + i * interval;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            HttpRequest request = request(base, scenario, videos, users);
            senders.execute(() -> send(client, request, intended, recorder));
        }
        senders.shutdown();
        senders.awaitTermination(2, TimeUnit.MINUTES);
        return System.nanoTime() - start;
    }

    private static void send(HttpClient client, HttpRequest request, long intended, Recorder recorder) {
        boolean ok;
        try {
            ok = client.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode() == 200;
        } catch (Exception e) {
            ok = false;
        }
        if (recorder != null) {
            recorder.histogram().recordValue(Math.max(0, System.nanoTime() - intended));
            if (!ok) {
                recorder.errors().incrementAndGet();
            }
        }
    }

    private static HttpRequest request(String base, String scenario, int videos, int users) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        int user = r.nextInt(Math.min(users, FeedBenchSeeder.TOKENS));
        String word = FeedBenchSeeder.WORDS[r.nextInt(FeedBenchSeeder.WORDS.length)];
        String path = switch (scenario) {
            case "video" -> "/api/v1/videos/" + FeedBenchSeeder.video(r.nextInt(videos));
            case "for-you", "following" -> "/api/v1/feed/" + scenario;
            case "for-you-anon" -> "/api/v1/feed/for-you?session=benchsession" + r.nextInt(users);
            case "trending" -> "/api/v1/feed/trending";
            case "hashtag" -> "/api/v1/feed/hashtags/topic" + r.nextInt(FeedBenchSeeder.TOPICS);
            case "search" -> "/api/v1/search?q=" + word.substring(0, 2) + "x" + word.substring(3); // one typo
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        };
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (scenario.equals("for-you") || scenario.equals("following")) {
            b.header("Authorization", "Bearer benchtoken" + user);
        }
        return b.build();
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1e6;
    }
}
