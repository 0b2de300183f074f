package io.clipfeed.storage;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import io.clipfeed.platform.ClipfeedSettings;

/**
 * The storage module alone on the real database (Flyway, H2 or PostgreSQL as configured): the module needs only
 * platform's settings, a clock and a scheduler client, so its ITs need not start the whole application.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableConfigurationProperties(ClipfeedSettings.class)
@ComponentScan(basePackageClasses = BlobStore.class)
class StorageTestApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Schedules jobs without running them: the ITs run the sweep themselves. */
    @Bean
    SchedulerClient schedulerClient(DataSource dataSource) {
        return SchedulerClient.Builder.create(dataSource).build();
    }
}
