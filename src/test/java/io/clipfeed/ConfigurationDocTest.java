package io.clipfeed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/CONFIGURATION.md is the operator's list of settings: every {@code clipfeed.*} property the application binds
 * (the metadata the configuration processor writes from the settings records, plus the additional metadata of the
 * few read with {@code @Value}) must be in one of its tables, and no table may name one that is gone.
 */
class ConfigurationDocTest {

    private static final Path DOC = Path.of("docs/CONFIGURATION.md");
    private static final Pattern PROPERTY = Pattern.compile("`(clipfeed\\.[a-z0-9.-]+)`");

    @Test
    void everyBoundPropertyIsDocumented() throws IOException {
        Set<String> missing = new TreeSet<>(boundProperties());
        missing.removeAll(documented());
        assertThat(missing).as("clipfeed.* properties missing from %s", DOC).isEmpty();
    }

    @Test
    void theDocumentNamesNoPropertyThatIsGone() throws IOException {
        Set<String> stale = new TreeSet<>(documented());
        stale.removeAll(boundProperties());
        assertThat(stale).as("properties in %s that nothing binds", DOC).isEmpty();
    }

    /** Names from the metadata files of the main classes (not of libraries, which carry their own). */
    private static Set<String> boundProperties() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String file : new String[] {"META-INF/spring-configuration-metadata.json",
                "META-INF/additional-spring-configuration-metadata.json"}) {
            for (URL url : Collections.list(ConfigurationDocTest.class.getClassLoader().getResources(file))) {
                try (InputStream in = url.openStream()) {
                    JsonNode root = JsonMapper.builder().build().readTree(in);
                    for (JsonNode property : root.path("properties")) {
                        String name = property.path("name").asString();
                        if (name.startsWith("clipfeed.")) {
                            names.add(name);
                        }
                    }
                }
            }
        }
        assertThat(names).as("configuration metadata on the class path (spring-boot-configuration-processor)")
                .contains("clipfeed.media.crf", "clipfeed.admin-password");
        return names;
    }

    /** Properties named in the first cell of a table row. */
    private static Set<String> documented() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String line : Files.readAllLines(DOC)) {
            String[] cells = line.split("\\|");
            if (!line.startsWith("|") || cells.length < 2) {
                continue;
            }
            Matcher m = PROPERTY.matcher(cells[1]);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
