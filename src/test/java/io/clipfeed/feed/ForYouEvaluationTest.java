package io.clipfeed.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Offline evaluation of For You: the production model ({@link FeedModel}) learns from a synthetic play/like log
 * through the same {@code record} calls the event listeners make, the production ranking ({@link ForYou}, with
 * the default settings, exploration and diversity rules included) ranks 20 videos per user, and recall@20 and
 * NDCG@20 against each user's held-out videos are compared with a popularity baseline (most played in training).
 */
class ForYouEvaluationTest {

    static final int K = 20;

    record Metrics(double recall, double ndcg) {
    }

    @Test
    void forYouBeatsPopularityByAtLeastThirtyPercentInRecallAt20() {
        SyntheticLog log = new SyntheticLog(42, 40, 300, 4000, 1500, 40, 5);
        FeedModel model = new FeedModel(FeedSettings.defaults(), log.start);
        log.videos.forEach(v -> model.shelf().list(new Listing(v.id(), v.creatorId(), v.tags(), v.publishedAt())));
        log.training.forEach(model::record);
        model.shelf().refresh(log.end);
        ForYou forYou = new ForYou(model);
        List<String> popular = popularity(log);

        Metrics personal = evaluate(log, user -> forYou.rank(Viewer.user(user), log.trainedVideos.get(user)::contains,
                null, K, log.end).stream().map(Pick::videoId).toList());
        Metrics baseline = evaluate(log, user -> popular.stream()
                .filter(id -> !log.trainedVideos.get(user).contains(id)).limit(K).toList());

        System.out.printf("For You   recall@20 %.4f  NDCG@20 %.4f%n", personal.recall(), personal.ndcg());
        System.out.printf("Popularity recall@20 %.4f  NDCG@20 %.4f%n", baseline.recall(), baseline.ndcg());
        System.out.printf("Ratio     recall %.2fx  NDCG %.2fx%n", personal.recall() / baseline.recall(),
                personal.ndcg() / baseline.ndcg());
        assertThat(baseline.recall()).isPositive();
        assertThat(personal.recall()).isGreaterThanOrEqualTo(1.3 * baseline.recall());
        assertThat(personal.ndcg()).isGreaterThan(baseline.ndcg());
    }

    private static List<String> popularity(SyntheticLog log) {
        Map<String, Integer> plays = new HashMap<>();
        log.training.stream().filter(i -> i.signal() == Signal.PLAY).forEach(i -> plays.merge(i.videoId(), 1,
                Integer::sum));
        return plays.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).toList();
    }

    private static Metrics evaluate(SyntheticLog log, java.util.function.Function<String, List<String>> ranking) {
        double recall = 0;
        double ndcg = 0;
        List<String> users = log.heldOut.keySet().stream().sorted(Comparator.naturalOrder()).toList();
        for (String user : users) {
            Set<String> truth = log.heldOut.get(user);
            List<String> ranked = ranking.apply(user);
            double dcg = 0;
            int hits = 0;
            for (int i = 0; i < Math.min(K, ranked.size()); i++) {
                if (truth.contains(ranked.get(i))) {
                    hits++;
                    dcg += 1 / log2(i + 2);
                }
            }
            double ideal = 0;
            for (int i = 0; i < Math.min(K, truth.size()); i++) {
                ideal += 1 / log2(i + 2);
            }
            recall += (double) hits / truth.size();
            ndcg += dcg / ideal;
        }
        return new Metrics(recall / users.size(), ndcg / users.size());
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
