package io.clipfeed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module map of DESIGN.md as a test: a forbidden dependency (not in a module's {@code allowedDependencies}),
 * a cycle, or a reach into another module's internals fails the build. Also renders the module diagram kept in
 * {@code docs/modules}.
 */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(ClipfeedApplication.class);

    @Test
    void modulesOnlyUseWhatTheModuleMapAllows() {
        modules.verify();
    }

    @Test
    void everyModuleOfTheMapExists() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("platform", "identity", "storage", "catalog", "upload", "media", "delivery",
                        "analytics", "moderation", "social", "feed", "creation", "web", "demo");
    }

    @Test
    void writesTheModuleDiagram() throws Exception {
        Path out = Path.of("target/spring-modulith-docs");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(out.toString()))
                .writeModulesAsPlantUml();
        assertThat(Files.list(out)).isNotEmpty();
    }
}
