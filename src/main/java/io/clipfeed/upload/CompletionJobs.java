package io.clipfeed.upload;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;

/**
 * Schedules the durable completion of an upload (one db-scheduler job per upload id, so scheduling twice is
 * harmless). The job must only run once the session says COMPLETING is committed, because the scheduler writes
 * through its own connection.
 */
@Component
class CompletionJobs {

    static final TaskDescriptor<String> TASK = TaskDescriptor.of("upload-completion", String.class);
    private final ObjectProvider<SchedulerClient> scheduler;
    private final Clock clock;

    // the scheduler is built from every task bean, including ours: look it up lazily to avoid a cycle
    CompletionJobs(ObjectProvider<SchedulerClient> scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    void schedule(String uploadId) {
        scheduler.getObject().scheduleIfNotExists(TASK.instance(uploadId).data(uploadId).build(), clock.instant());
    }

    void scheduleAfterCommit(String uploadId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            schedule(uploadId);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                schedule(uploadId);
            }
        });
    }
}
