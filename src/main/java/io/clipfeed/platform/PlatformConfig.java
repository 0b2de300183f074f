package io.clipfeed.platform;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClipfeedSettings.class)
class PlatformConfig {

    /** One clock for the whole process, so tests can pin time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
