package io.clipfeed;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ClipfeedApplication {
    public static void main(String[] args) {
        SpringApplication.run(ClipfeedApplication.class, args);
    }
}
