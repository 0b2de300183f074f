package io.clipfeed.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import io.clipfeed.platform.ClipfeedSettings;
import io.clipfeed.storage.spi.ByteStore;

/**
 * How settings switch the S3 store on and are checked, in a bare context (no network: the bucket is not touched
 * unless create-bucket is set).
 */
@io.clipfeed.DatabaseFree
class S3StorageWiringIT {

    @TempDir
    Path dataDir;

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ClipfeedSettings.class)
    static class Platform {
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
                .withUserConfiguration(Platform.class, S3StorageConfig.class)
                .withPropertyValues("clipfeed.data-dir=" + dataDir);
    }

    @Test
    void storageTypeS3WithABucketGivesTheS3Store() {
        runner().withPropertyValues("clipfeed.storage.type=s3", "clipfeed.storage.s3.bucket=clips",
                "clipfeed.storage.s3.endpoint=http://127.0.0.1:9", "clipfeed.storage.s3.path-style=true")
                .run(context -> {
                    assertThat(context).hasSingleBean(ByteStore.class);
                    assertThat(context.getBean(ByteStore.class)).isInstanceOf(S3ByteStore.class);
                    assertThat(context.getBean(S3Settings.class).multipartThreshold().toMegabytes()).isEqualTo(16);
                });
    }

    @Test
    void theS3StoreIsOffByDefault() {
        runner().run(context -> assertThat(context).doesNotHaveBean(ByteStore.class));
    }

    @Test
    void aMissingBucketStopsTheStartWithTheSettingsName() {
        runner().withPropertyValues("clipfeed.storage.type=s3").run(context -> assertThat(context)
                .getFailure().rootCause().hasMessageContaining("bucket"));
    }

    @Test
    void halfACredentialPairStopsTheStart() {
        runner().withPropertyValues("clipfeed.storage.type=s3", "clipfeed.storage.s3.bucket=clips",
                "clipfeed.storage.s3.access-key=only-this").run(context -> assertThat(context)
                .getFailure().rootCause().hasMessageContaining("secret-key"));
    }
}
