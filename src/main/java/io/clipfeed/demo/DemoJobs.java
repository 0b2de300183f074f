package io.clipfeed.demo;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import io.clipfeed.storage.BlobStore;

/**
 * Seeds the demo content in the background once the application is ready, so start-up stays fast. Seeding runs as a
 * durable job: with several processes only one seeds, and a crash mid-way is retried. Off with
 * {@code clipfeed.demo.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoJobs.DemoSettings.class)
class DemoJobs {

    private static final Logger log = LoggerFactory.getLogger(DemoJobs.class);

    @ConfigurationProperties("clipfeed.demo")
    record DemoSettings(@DefaultValue("true") boolean enabled) {
    }

    @Bean
    OneTimeTask<Void> seedDemoContent(DemoSeeder seeder, ObjectProvider<BlobStore> blobs) {
        return Tasks.oneTime("demo-seed").onFailureRetryLater().execute((instance, ctx) -> {
            BlobStore store = blobs.getIfAvailable();
            if (store == null) {
                log.warn("No blob store is configured: demo clips are not seeded");
                return;
            }
            try {
                int added = seeder.seed(store);
                log.info("Demo content ready ({} clips added)", added);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Bean
    DemoTrigger demoTrigger(DemoSettings settings, SchedulerClient scheduler, OneTimeTask<Void> seedDemoContent) {
        return new DemoTrigger(settings, scheduler, seedDemoContent);
    }

    record DemoTrigger(DemoSettings settings, SchedulerClient scheduler, OneTimeTask<Void> task) {
        @EventListener(ApplicationReadyEvent.class)
        public void scheduleSeeding() {
            if (settings.enabled()) {
                scheduler.scheduleIfNotExists(task.instance("first-run"), Instant.now());
            }
        }
    }
}
