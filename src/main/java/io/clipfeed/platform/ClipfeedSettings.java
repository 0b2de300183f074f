package io.clipfeed.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Process-wide settings. {@code dataDir} holds all local state (database, blobs, upload parts);
 * {@code role} says which parts of the process run: {@code all}, {@code api} (HTTP only) or {@code worker}
 * (background jobs only).
 */
@ConfigurationProperties("clipfeed")
public record ClipfeedSettings(@DefaultValue("./data") Path dataDir, @DefaultValue("all") ProcessRole role) {

    public enum ProcessRole {
        ALL, API, WORKER;

        public boolean runsJobs() {
            return this != API;
        }

        public boolean servesHttp() {
            return this != WORKER;
        }
    }
}
