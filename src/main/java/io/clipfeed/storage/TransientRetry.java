package io.clipfeed.storage;

import java.util.function.Supplier;

import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Lock waits on one hot row can time out under heavy contention (H2 gives up after 2 s). When the transaction is
 * our own, running it again is safe; inside a caller's transaction the caller decides, so nothing is retried.
 */
final class TransientRetry {

    private static final int ATTEMPTS = 5;

    private TransientRetry() {
    }

    static <T> T run(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (TransientDataAccessException e) {
                if (attempt == ATTEMPTS || TransactionSynchronizationManager.isActualTransactionActive()) {
                    throw e;
                }
                sleepBriefly(attempt);
            }
        }
    }

    private static void sleepBriefly(int attempt) {
        try {
            Thread.sleep(20L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying", e);
        }
    }
}
