package io.clipfeed.platform;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;

/**
 * The durable job scheduler (db-scheduler) shared by every module. Modules contribute {@link Task} beans;
 * recurring ones that implement {@link OnStartup} are started with the scheduler. Processes in the {@code api}
 * role only schedule work (a {@link SchedulerClient}); {@code all} and {@code worker} processes also execute it.
 * Immediate execution is on: a job scheduled for "now" starts within milliseconds instead of the next 10 s poll,
 * which a one-second time-to-playable depends on.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JobsConfig.JobSettings.class)
class JobsConfig {

    /**
     * An execution whose heartbeat is older than {@code heartbeatInterval × missedHeartbeatsLimit} belongs to a
     * dead process and is run again; db-scheduler checks for such executions every 2 × heartbeatInterval. 2 s × 5
     * brings a step killed with its process back within about 10–15 s (db-scheduler's defaults: 5 min × 6, half an
     * hour), while a live worker would have to miss five heartbeats in a row before its step is duplicated — and
     * every media step is idempotent, so even that only costs CPU.
     */
    @ConfigurationProperties("clipfeed.jobs")
    record JobSettings(@DefaultValue("2") int threads, @DefaultValue("5s") Duration pollingInterval,
            @DefaultValue("2s") Duration heartbeatInterval, @DefaultValue("5") int missedHeartbeatsLimit,
            @DefaultValue("20s") Duration shutdownMaxWait) {
    }

    @Bean
    SchedulerClient jobScheduler(DataSource dataSource, List<Task<?>> tasks, JobSettings settings,
            ClipfeedSettings clipfeed) {
        if (!clipfeed.role().runsJobs()) {
            return SchedulerClient.Builder.create(dataSource, tasks).build();
        }
        List<StartupTask> startup = tasks.stream().filter(t -> t instanceof OnStartup)
                .map(t -> new StartupTask(t)).toList();
        // startTasks() registers the recurring tasks itself; listing them here too is a duplicate-key error
        List<Task<?>> others = tasks.stream().filter(t -> !(t instanceof OnStartup)).toList();
        var builder = Scheduler.create(dataSource, others)
                .threads(settings.threads())
                .pollingInterval(settings.pollingInterval())
                .heartbeatInterval(settings.heartbeatInterval())
                .missedHeartbeatsLimit(settings.missedHeartbeatsLimit())
                .shutdownMaxWait(settings.shutdownMaxWait())
                .enableImmediateExecution();
        startup.forEach(s -> builder.startTasks(s.asList()));
        return builder.build();
    }

    @Bean
    SmartLifecycle jobSchedulerLifecycle(SchedulerClient client) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                if (client instanceof Scheduler scheduler) {
                    scheduler.start();
                }
                running = true;
            }

            @Override
            public void stop() {
                if (client instanceof Scheduler scheduler) {
                    scheduler.stop();
                }
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public boolean isPauseable() {
                // a stopped db-scheduler cannot start again, so a paused (cached test) context keeps it running
                return false;
            }

            @Override
            public int getPhase() {
                // start after the web server so recovered jobs find every bean ready; stop before the pool closes
                return Integer.MAX_VALUE - 100;
            }
        };
    }

    /** Bridges db-scheduler's intersection type ({@code Task & OnStartup}) to a plain list element. */
    private record StartupTask(Task<?> task) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        <T extends Task<?> & OnStartup> List<T> asList() {
            // a List, so the compiler cannot pick startTasks(List) for a single inferred T (ClassCastException)
            return (List<T>) (List) List.of(task);
        }
    }
}
