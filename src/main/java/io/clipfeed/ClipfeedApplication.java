package io.clipfeed;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

/**
 * Clipfeed: one process by default (HTTP API, web client and media workers); {@code CLIPFEED_ROLE} splits it.
 * Spring Security's generated in-memory user is excluded: accounts live in the identity module.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
public class ClipfeedApplication {
    public static void main(String[] args) {
        SpringApplication.run(ClipfeedApplication.class, args);
    }
}
