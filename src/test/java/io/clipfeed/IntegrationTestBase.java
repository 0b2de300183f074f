package io.clipfeed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.clipfeed.catalog.Catalog;
import io.clipfeed.identity.Accounts;
import io.clipfeed.storage.BlobStore;

/**
 * Base of the *IT suites: the whole application on a random port with a real database. All contexts of one test
 * JVM share one temporary data directory (and so one H2 database), exactly as they share one PostgreSQL database
 * when run with {@code SPRING_PROFILES_ACTIVE=postgres}: tests therefore never assume an empty database (use fresh
 * usernames, look up what you created).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// No per-title effort upgrade or whole-rung quality search (5–7 encodes of every short clip): tests that check
// per-title set a budget of their own with @TestPropertySource (MediaPipelineIT; a subclass's value wins, where a
// @DynamicPropertySource here would win over it) or call the planner with its defaults.
@TestPropertySource(properties = "clipfeed.media.effort-budget=0s")
public abstract class IntegrationTestBase {

    // what most integration tests reach for, declared once
    @LocalServerPort
    protected int port;
    @Autowired
    protected Catalog catalog;
    @Autowired
    protected Accounts accounts;
    @Autowired
    protected BlobStore blobs;
    @Autowired
    protected JdbcClient jdbc;

    public static final Path DATA_DIR = createDataDir();

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("clipfeed-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("clipfeed.data-dir", DATA_DIR::toString);
        registry.add("clipfeed.demo.enabled", () -> "false");
        // several cached contexts share one PostgreSQL server (max_connections 100 by default)
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "6");
        registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
    }
}
