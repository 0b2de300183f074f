package io.clipfeed.upload;

import java.time.Duration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/** The upload module's settings and its two background jobs. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UploadSettings.class)
class UploadConfig {

    /** Stores a finished upload and hands it to the catalog; retried with backoff (storage may be briefly down). */
    @Bean
    Task<String> uploadCompletionTask(UploadCompletion completion) {
        return Tasks.oneTime(CompletionJobs.TASK)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(10,
                        new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(5))))
                .execute((instance, ctx) -> {
                    try {
                        completion.complete(instance.getData());
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
    }

    /** Sweeps expired uploads; recurring, so it starts with the scheduler (OnStartup). */
    @Bean
    Task<Void> expiredUploadsTask(ExpiredUploads expired, UploadSettings settings) {
        return Tasks.recurring("upload-expiry-sweep", FixedDelay.of(settings.cleanupInterval()))
                .execute((instance, ctx) -> expired.sweep());
    }
}
