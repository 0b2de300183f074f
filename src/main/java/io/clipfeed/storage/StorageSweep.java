package io.clipfeed.storage;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.AbstractTask;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * A durable job that deletes blobs left at zero references (a crash between a release and its purge, a failed
 * delete). One instance cluster-wide, scheduled when the application is ready and rescheduling itself, so it also
 * runs shortly after every start. (A plain task rather than db-scheduler's recurring helper: this one needs no
 * start-up hook from the scheduler.)
 */
class StorageSweep extends AbstractTask<Void> {

    static final String TASK = "storage-sweep";
    private static final String INSTANCE = "all";

    private final UnreferencedBlobs unreferenced;
    private final SchedulerClient scheduler;
    private final Duration interval;
    private final Clock clock;

    StorageSweep(UnreferencedBlobs unreferenced, SchedulerClient scheduler, Duration interval, Clock clock) {
        super(TASK, Void.class, new FailureHandler.OnFailureReschedule<>(FixedDelay.of(interval)),
                new DeadExecutionHandler.ReviveDeadExecution<>());
        this.unreferenced = unreferenced;
        this.scheduler = scheduler;
        this.interval = interval;
        this.clock = clock;
    }

    @Override
    public CompletionHandler<Void> execute(TaskInstance<Void> instance, ExecutionContext context) {
        unreferenced.sweep();
        return new CompletionHandler.OnCompleteReschedule<>(FixedDelay.of(interval));
    }

    @Override
    public SchedulableInstance<Void> schedulableInstance(String id) {
        return SchedulableInstance.of(instance(id), clock.instant());
    }

    @Override
    public SchedulableInstance<Void> schedulableInstance(String id, Void data) {
        return schedulableInstance(id);
    }

    @EventListener(ApplicationReadyEvent.class)
    void scheduleFirstRun() {
        scheduler.scheduleIfNotExists(instance(INSTANCE), clock.instant());
    }
}
