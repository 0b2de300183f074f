package io.clipfeed.media;

import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * The media steps as durable db-scheduler tasks, one instance per video (instance id = video id, so scheduling
 * twice is a no-op). Steps chain: prepare → covers → ladder. Covers come before the ladder because they take a few
 * seconds while a short clip's ladder (with its quality search) takes up to the effort budget, and the creator's
 * grid, the feed's poster and the share card need the cover, whereas the instant rendition already plays.
 * Transient faults (I/O, database) are retried with exponential backoff; a crashed worker's execution is revived
 * after its heartbeat goes stale.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MediaSettings.class)
class MediaJobs {

    static final TaskDescriptor<MediaJob.Prepare> PREPARE = TaskDescriptor.of("media-prepare",
            MediaJob.Prepare.class);
    static final TaskDescriptor<MediaJob.Ladder> LADDER = TaskDescriptor.of("media-ladder", MediaJob.Ladder.class);
    static final TaskDescriptor<MediaJob.Covers> COVERS = TaskDescriptor.of("media-covers", MediaJob.Covers.class);
    /** Overall progress when prepare, then covers, are done; the ladder owns the rest. */
    static final int PREPARED = 20;
    static final int COVERED = 30;

    /**
     * Tells running steps to stop when the context closes. Its phase is above the job scheduler's, so it stops
     * first; the scheduler then waits for executions that now end within about a second.
     */
    @Bean
    SmartLifecycle mediaShutdown(MediaJobRunner runner) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                running = true;
            }

            @Override
            public void stop() {
                runner.stopForShutdown();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public boolean isPauseable() {
                return false; // a cached test context that is paused keeps its steps running
            }

            @Override
            public int getPhase() {
                return Integer.MAX_VALUE - 50;
            }
        };
    }

    @Bean
    MediaJobScheduler mediaJobScheduler(ObjectProvider<SchedulerClient> client) {
        return new MediaJobScheduler(client);
    }

    @Bean
    OneTimeTask<MediaJob.Prepare> mediaPrepareTask(MediaJobRunner runner, PrepareStep prepare,
            MediaJobScheduler scheduler, MediaSettings settings) {
        return Tasks.oneTime(PREPARE).onFailure(retries(runner, settings))
                .execute((instance, ctx) -> runner.run(instance.getData(), 0, PREPARED, step -> {
                    if (prepare.run(instance.getData(), step)) {
                        scheduler.schedule(new MediaJob.Covers(instance.getId(), instance.getData().sourceBlobKey()));
                    }
                }));
    }

    @Bean
    OneTimeTask<MediaJob.Ladder> mediaLadderTask(MediaJobRunner runner, LadderStep ladder,
            MediaJobScheduler scheduler, MediaSettings settings) {
        return Tasks.oneTime(LADDER).onFailure(retries(runner, settings))
                .execute((instance, ctx) -> runner.run(instance.getData(), COVERED, 100,
                        step -> ladder.run(instance.getData(), step)));
    }

    @Bean
    OneTimeTask<MediaJob.Covers> mediaCoversTask(MediaJobRunner runner, CoverStep covers,
            MediaJobScheduler scheduler, MediaSettings settings) {
        return Tasks.oneTime(COVERS).onFailure(retries(runner, settings))
                .execute((instance, ctx) -> runner.run(instance.getData(), PREPARED, COVERED, step -> {
                    covers.run(instance.getData(), step);
                    scheduler.schedule(new MediaJob.Ladder(instance.getId(), instance.getData().sourceBlobKey()));
                }));
    }

    private static <T extends MediaJob> FailureHandler<T> retries(MediaJobRunner runner, MediaSettings settings) {
        return new FailureHandler.MaxRetriesFailureHandler<>(settings.transientRetries(),
                new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(2), 3.0),
                (complete, operations) -> {
                    MediaJob job = (MediaJob) complete.getExecution().taskInstance.getData();
                    runner.failPermanently(job, FailureReasons.TEMPORARY,
                            complete.getCause().map(Throwable::toString).orElse("retries exhausted"));
                });
    }

    /** Schedules steps lazily: the scheduler is built from the task beans, which need this. */
    static final class MediaJobScheduler {

        private final ObjectProvider<SchedulerClient> client;

        MediaJobScheduler(ObjectProvider<SchedulerClient> client) {
            this.client = client;
        }

        void schedule(MediaJob job) {
            TaskDescriptor<? extends MediaJob> task = job instanceof MediaJob.Prepare ? PREPARE
                    : job instanceof MediaJob.Ladder ? LADDER : COVERS;
            client.getObject().scheduleIfNotExists(instance(task, job), Instant.now());
        }

        void cancel(String videoId) {
            for (TaskDescriptor<?> task : new TaskDescriptor<?>[] {PREPARE, LADDER, COVERS}) {
                client.getObject().getScheduledExecution(task.instanceId(videoId)).ifPresent(execution -> {
                    if (!execution.isPicked()) {
                        client.getObject().cancel(task.instanceId(videoId));
                    }
                });
            }
        }

        @SuppressWarnings("unchecked")
        private static <T extends MediaJob> com.github.kagkarlsson.scheduler.task.TaskInstance<T> instance(
                TaskDescriptor<T> task, MediaJob job) {
            return task.instance(job.videoId()).data((T) job).build();
        }
    }
}
