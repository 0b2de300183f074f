package io.clipfeed.delivery;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.clipfeed.platform.ClipfeedSettings;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliverySettings.class)
class DeliveryConfig {

    @Bean
    MediaSigner mediaSigner(DeliverySettings settings, ClipfeedSettings clipfeed) {
        return new MediaSigner(SigningKeys.resolve(settings.signingKeys(), clipfeed.dataDir()));
    }
}
