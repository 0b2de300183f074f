package io.clipfeed.feed;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The feed's in-memory model and its ranking, one per process. */
@Configuration
@EnableConfigurationProperties(FeedSettings.class)
class FeedConfig {

    @Bean
    FeedModel feedModel(FeedSettings settings, Clock clock) {
        return new FeedModel(settings, clock.instant());
    }

    @Bean
    ForYou forYou(FeedModel model) {
        return new ForYou(model);
    }

    @Bean(destroyMethod = "close")
    ForYouLists forYouLists(FeedModel model, ForYou forYou, Clock clock) {
        return new ForYouLists(model, forYou, clock);
    }
}
