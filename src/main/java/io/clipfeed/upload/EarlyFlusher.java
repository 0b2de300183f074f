package io.clipfeed.upload;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Starts writing a chunk's bytes to disk while the rest of the chunk is still arriving, so the fsync that must
 * precede the acknowledgement only has the tail left to flush. Without it a PATCH is receive time plus disk time;
 * with it, roughly the larger of the two. Best effort: when every flusher thread is busy the final fsync alone
 * does the work, which is always correct.
 */
final class EarlyFlusher {

    private static final ThreadPoolExecutor POOL = new ThreadPoolExecutor(0, 4, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "upload-early-flush");
                t.setDaemon(true);
                return t;
            });

    private final FileChannel channel;
    private final long every;
    private long sinceLast;
    private CompletableFuture<Void> inFlight;

    EarlyFlusher(FileChannel channel, long every) {
        this.channel = channel;
        this.every = every;
    }

    /** Notes {@code bytes} more written; starts a background flush when enough piled up and none is running. */
    void wrote(long bytes) {
        sinceLast += bytes;
        if (sinceLast < every || (inFlight != null && !inFlight.isDone())) {
            return;
        }
        sinceLast = 0;
        CompletableFuture<Void> flush = new CompletableFuture<>();
        try {
            POOL.execute(() -> {
                try {
                    channel.force(false);
                    flush.complete(null);
                } catch (IOException | RuntimeException e) {
                    flush.completeExceptionally(e);
                }
            });
            inFlight = flush;
        } catch (RejectedExecutionException busy) {
            inFlight = null;
        }
    }

    /** Waits for a running background flush (its failure does not matter: the caller's fsync follows). */
    void settle() {
        if (inFlight == null) {
            return;
        }
        try {
            inFlight.get();
        } catch (ExecutionException ignored) {
            // the caller's own force() reports real disk errors
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
