package io.clipfeed.storage.local;

import java.io.IOException;
import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.clipfeed.platform.ClipfeedSettings;
import io.clipfeed.storage.spi.ByteStore;

/** The default store: files under {@code ${clipfeed.data-dir}/blobs}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "clipfeed.storage", name = "type", havingValue = "local", matchIfMissing = true)
class LocalStorageConfig {

    @Bean
    ByteStore localByteStore(ClipfeedSettings settings, Clock clock) throws IOException {
        return new LocalByteStore(settings.dataDir().resolve("blobs"), clock.instant());
    }
}
