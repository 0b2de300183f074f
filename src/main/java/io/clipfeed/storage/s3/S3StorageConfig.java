package io.clipfeed.storage.s3;

import java.io.IOException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.clipfeed.platform.ClipfeedSettings;
import io.clipfeed.storage.spi.ByteStore;

/** The S3 store, on with {@code clipfeed.storage.type=s3} (the {@code s3} profile sets it). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "clipfeed.storage", name = "type", havingValue = "s3")
@EnableConfigurationProperties(S3Settings.class)
class S3StorageConfig {

    /** Closed with the application (it is AutoCloseable): its SDK clients and part-upload threads stop. */
    @Bean
    ByteStore s3ByteStore(S3Settings settings, ClipfeedSettings clipfeed) throws IOException {
        return S3ByteStores.open(settings, clipfeed.dataDir());
    }
}
