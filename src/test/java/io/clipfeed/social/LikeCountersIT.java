package io.clipfeed.social;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import io.clipfeed.TestUsers.Session;
import io.clipfeed.catalog.Video;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/** Like counts are exact under concurrency, idempotent, shown on the video, and repaired when they drift. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LikeCountersIT extends SocialITBase {

    static final int USERS = 200;

    @Autowired
    CounterReconciler reconciler;
    @Autowired
    MeterRegistry meters;
    @Autowired
    Counters counters;

    final List<Session> users = new ArrayList<>();
    Session creator;

    @BeforeAll
    void users() throws Exception {
        creator = user();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Session>> made = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                made.add(pool.submit(this::user));
            }
            for (Future<Session> f : made) {
                users.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void twoHundredConcurrentLikesCountExactlyTwoHundred() throws Exception {
        Video video = published(creator, 3000);
        List<Integer> statuses = concurrently(users.stream().<Callable<Integer>>map(u -> () -> call("PUT",
                "/api/v1/videos/" + video.id() + "/like", null, u).statusCode()).toList());
        assertThat(statuses).containsOnly(200).hasSize(USERS);
        assertThat(counts(video.id()).get("likes").asLong()).isEqualTo(USERS);
        assertThat(get("/api/v1/users/" + creator.userId() + "/profile", null).get("counts").get("likesReceived")
                .asLong()).isGreaterThanOrEqualTo(USERS);
    }

    @Test
    void twoHundredConcurrentLikeUnlikePairsCountZero() throws Exception {
        Video video = published(creator, 3000);
        String path = "/api/v1/videos/" + video.id() + "/like";
        List<Integer> statuses = concurrently(users.stream().<Callable<Integer>>map(u -> () -> {
            int liked = call("PUT", path, null, u).statusCode();
            int unliked = call("DELETE", path, null, u).statusCode();
            return liked == 200 && unliked == 200 ? 200 : liked * 1000 + unliked;
        }).toList());
        assertThat(statuses).containsOnly(200).hasSize(USERS);
        assertThat(counts(video.id()).get("likes").asLong()).isZero();
    }

    @Test
    void severalVideosCountsReadTogetherMatchEachReadAlone() {
        Video liked = published(creator, 3000);
        Video quiet = published(creator, 3000);
        for (Session u : users.subList(0, 3)) {
            assertThat(call("PUT", "/api/v1/videos/" + liked.id() + "/like", null, u).statusCode()).isEqualTo(200);
        }

        var together = counters.ofAll(List.of(liked.id(), quiet.id(), "no-such-video", liked.id()));

        assertThat(together).containsOnlyKeys(liked.id(), quiet.id(), "no-such-video");
        assertThat(together.get(liked.id())).isEqualTo(counters.of(liked.id()));
        assertThat(together.get(liked.id()).likes()).isEqualTo(3);
        assertThat(together.get(quiet.id())).isEqualTo(counters.of(quiet.id()));
        assertThat(together.get("no-such-video")).isEqualTo(io.clipfeed.catalog.EngagementCounts.Counts.ZERO);
        assertThat(counters.ofAll(List.of())).isEmpty();
    }

    @Test
    void repeatedLikesCountOnceAndUnlikeIsIdempotent() {
        Video video = published(creator, 3000);
        Session fan = users.get(0);
        String path = "/api/v1/videos/" + video.id() + "/like";
        for (int i = 0; i < 3; i++) {
            JsonNode state = ok(200, "PUT", path, null, fan);
            assertThat(state.get("liked").asBoolean()).isTrue();
            assertThat(state.get("likes").asLong()).isEqualTo(1);
        }
        assertThat(get("/api/v1/videos/" + video.id() + "/viewer", fan).get("liked").asBoolean()).isTrue();
        assertThat(counts(video.id()).get("likes").asLong()).isEqualTo(1);
        for (int i = 0; i < 2; i++) {
            JsonNode state = ok(200, "DELETE", path, null, fan);
            assertThat(state.get("liked").asBoolean()).isFalse();
            assertThat(state.get("likes").asLong()).isZero();
        }
        assertThat(get("/api/v1/videos/" + video.id() + "/viewer", fan).get("liked").asBoolean()).isFalse();
    }

    @Test
    void likesNeedASignedInUserAndAVisibleVideo() {
        Video video = published(creator, 3000);
        assertThat(call("PUT", "/api/v1/videos/" + video.id() + "/like", null, null).statusCode()).isEqualTo(401);
        assertThat(call("PUT", "/api/v1/videos/nosuchvideo123/like", null, users.get(1)).statusCode())
                .isEqualTo(404);
        Video hidden = published(creator, 3000, io.clipfeed.catalog.Visibility.PRIVATE);
        assertThat(call("PUT", "/api/v1/videos/" + hidden.id() + "/like", null, users.get(1)).statusCode())
                .isEqualTo(404);
        assertThat(call("PUT", "/api/v1/videos/" + hidden.id() + "/like", null, creator).statusCode())
                .isEqualTo(200);
    }

    @Test
    void reconcilerRepairsACounterCorruptedWithSql() {
        Video video = published(creator, 3000);
        for (int i = 0; i < 3; i++) {
            ok(200, "PUT", "/api/v1/videos/" + video.id() + "/like", null, users.get(i));
        }
        ok(200, "POST", "/api/v1/videos/" + video.id() + "/shares", "{}", null);
        jdbc.sql("update video_counters set likes = 42, shares = 7 where video_id = ?").param(video.id()).update();
        assertThat(counts(video.id()).get("likes").asLong()).isEqualTo(42);
        double before = repairs("likes");

        assertThat(reconciler.reconcile()).isGreaterThanOrEqualTo(2);

        JsonNode counts = counts(video.id());
        assertThat(counts.get("likes").asLong()).isEqualTo(3);
        assertThat(counts.get("shares").asLong()).isEqualTo(1);
        assertThat(repairs("likes")).isGreaterThanOrEqualTo(before + 1);
    }

    private double repairs(String counter) {
        var c = meters.find("clipfeed.social.counter.repairs").tag("counter", counter).counter();
        return c == null ? 0 : c.count();
    }

    /** Runs all tasks at once (released together by a latch) and returns their results. */
    static <T> List<T> concurrently(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
