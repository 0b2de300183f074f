package io.clipfeed.social;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.clipfeed.platform.ApiProblem;

/** Blocking a user ends follows both ways in the same transaction; lifting the block restores nothing. */
@Service
class Blocking {

    private final Blocks blocks;
    private final Follows follows;
    private final Counters counters;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    Blocking(Blocks blocks, Follows follows, Counters counters, ApplicationEventPublisher events,
            TransactionTemplate tx, Clock clock) {
        this.blocks = blocks;
        this.follows = follows;
        this.counters = counters;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    void block(String blockerId, String blockedId) {
        if (blockerId.equals(blockedId)) {
            throw ApiProblem.badRequest("You cannot block yourself.");
        }
        try {
            counters.withRows(() -> ensureRows(blockerId, blockedId), () -> tx.execute(status -> {
                // the follow a parallel request is making either committed before this lock (and ends below) or
                // waits for it and then sees the block
                counters.lockPair(blockerId, blockedId);
                Instant now = clock.instant();
                if (blocks.add(blockerId, blockedId, now)) {
                    events.publishEvent(new UserBlocked(blockerId, blockedId, now));
                    follows.end(blockerId, blockedId);
                    follows.end(blockedId, blockerId);
                }
                return null;
            }));
        } catch (DuplicateKeyException concurrentSameBlock) {
            // the same block landed from a parallel request: blocked either way
        }
    }

    private void ensureRows(String a, String b) {
        counters.ensureUser(a);
        counters.ensureUser(b);
    }

    void unblock(String blockerId, String blockedId) {
        tx.executeWithoutResult(status -> {
            if (blocks.remove(blockerId, blockedId)) {
                events.publishEvent(new UserUnblocked(blockerId, blockedId, clock.instant()));
            }
        });
    }
}
