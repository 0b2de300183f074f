package io.clipfeed.feed;

import java.util.List;

import org.HdrHistogram.Histogram;

/**
 * In-process cost of For You's ranking at bench scale (bench/feed/rank.sh): trains the production model from a
 * synthetic log (default 100k videos, 10k users, about 1M interactions), then times {@link ForYou#rank} for
 * random users against the trending-list walk the trending feed does per request (the baseline), single
 * threaded, after a warm-up; then times pages served from the per-viewer lists ({@link ForYouLists}, what a request
 * does once the viewer's list is kept). Not a test. Usage: {@code FeedRankBench [videos] [users] [playsPerUser] [calls]}
 */
public final class FeedRankBench {

    public static void main(String[] args) {
        int videos = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int plays = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        int calls = args.length > 3 ? Integer.parseInt(args[3]) : 20_000;
        long t0 = System.nanoTime();
        SyntheticLog log = new SyntheticLog(1, 200, 2000, videos, users, plays, 1);
        FeedModel model = new FeedModel(FeedSettings.defaults(), log.start);
        log.videos.forEach(v -> model.shelf().list(new Listing(v.id(), v.creatorId(), v.tags(), v.publishedAt())));
        long t1 = System.nanoTime();
        log.training.forEach(model::record);
        long t2 = System.nanoTime();
        model.shelf().refresh(log.end);
        long t3 = System.nanoTime();
        System.out.printf("log %d interactions generated in %d ms; model learnt them in %d ms (%.0f/s); "
                + "lists refreshed over %d videos in %d ms%n", log.training.size(), (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000, log.training.size() * 1e9 / (t2 - t1), videos, (t3 - t2) / 1_000_000);
        ForYou forYou = new ForYou(model);
        Histogram ranking = new Histogram(3);
        Histogram trending = new Histogram(3);
        java.util.Random random = new java.util.Random(3);
        for (int round = 0; round < 2; round++) { // the first round warms the JIT up
            ranking.reset();
            trending.reset();
            for (int i = 0; i < calls; i++) {
                Viewer viewer = Viewer.user("user" + random.nextInt(users));
                long s = System.nanoTime();
                List<Pick> page = forYou.rank(viewer, id -> false, null, 10, log.end);
                long m = System.nanoTime();
                long listed = model.shelf().snapshot().trending().stream().limit(200)
                        .filter(id -> model.shelf().find(id).filter(l -> !model.graph().hidden(viewer.userId(),
                                l.creatorId())).isPresent()).count();
                long e = System.nanoTime();
                ranking.recordValue(m - s);
                trending.recordValue(e - m);
                if (page.size() + listed < 10) {
                    throw new IllegalStateException("short page");
                }
            }
        }
        print("for-you rank", ranking);
        print("trending walk", trending);
        model.markReady();
        ForYouLists lists = new ForYouLists(model, forYou, java.time.Clock.fixed(log.end, java.time.ZoneOffset.UTC));
        Histogram served = new Histogram(3);
        for (int round = 0; round < 2; round++) { // the first round ranks each viewer's list once
            served.reset();
            for (int i = 0; i < calls; i++) {
                Viewer viewer = Viewer.user("user" + random.nextInt(users));
                long s = System.nanoTime();
                List<Pick> page = lists.page(viewer, id -> false, null, 10, log.end);
                served.recordValue(System.nanoTime() - s);
                if (page.size() < 10) {
                    throw new IllegalStateException("short page");
                }
            }
        }
        lists.close();
        print("for-you kept", served);
        System.out.printf("ratio p50 %.1fx p99 %.1fx%n", ranking.getValueAtPercentile(50)
                / (double) trending.getValueAtPercentile(50), ranking.getValueAtPercentile(99)
                / (double) trending.getValueAtPercentile(99));
    }

    private static void print(String what, Histogram h) {
        System.out.printf("%-14s n=%d p50=%.3fms p90=%.3fms p99=%.3fms p99.9=%.3fms max=%.3fms%n", what,
                h.getTotalCount(), h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(90) / 1e6,
                h.getValueAtPercentile(99) / 1e6, h.getValueAtPercentile(99.9) / 1e6, h.getMaxValue() / 1e6);
    }
}
