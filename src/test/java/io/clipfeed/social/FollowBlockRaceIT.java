package io.clipfeed.social;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.Test;

import io.clipfeed.TestUsers.Session;

/** A follow racing a block between the same two users never survives the block, whichever lands first. */
class FollowBlockRaceIT extends SocialITBase {

    @Test
    void aFollowRacingABlockNeverOutlivesIt() throws Exception {
        for (int round = 0; round < 20; round++) {
            Session fan = user();
            Session creator = user();
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<Integer> follow = CompletableFuture.supplyAsync(() -> {
                await(start);
                return call("PUT", "/api/v1/users/" + creator.userId() + "/follow", null, fan).statusCode();
            });
            CompletableFuture<Integer> block = CompletableFuture.supplyAsync(() -> {
                await(start);
                return call("PUT", "/api/v1/users/" + fan.userId() + "/block", null, creator).statusCode();
            });
            assertThat(block.get()).isEqualTo(200);
            assertThat(follow.get()).as("the follow either landed before the block or was refused").isIn(200, 403);
            long follows = jdbc.sql("select count(*) from follows where follower_id = ? and followee_id = ?")
                    .params(fan.userId(), creator.userId()).query(Long.class).single();
            assertThat(follows).as("round %d: no follow outlives the block", round).isZero();
            assertThat(get("/api/v1/users/" + creator.userId() + "/profile", null).get("counts").get("followers")
                    .asLong()).as("round %d: follower count", round).isZero();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
