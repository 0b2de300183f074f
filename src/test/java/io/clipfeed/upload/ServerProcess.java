package io.clipfeed.upload;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * The packaged application ({@code target/clipfeed-*.jar}) as a separate process, so a test can SIGKILL it. The
 * environment is inherited (SPRING_PROFILES_ACTIVE=postgres passes through in CI).
 */
final class ServerProcess {

    private ServerProcess() {
    }

    static Process start(int port, Path dataDir, Path log) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-jar", jar().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SERVER_PORT", String.valueOf(port));
        pb.environment().put("CLIPFEED_DATA_DIR", dataDir.toString());
        pb.environment().put("CLIPFEED_DEMO_ENABLED", "false");
        Process process = pb.start();
        awaitHealthy(process, port, log);
        return process;
    }

    static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("clipfeed-.*\\.jar"))
                    .filter(p -> !p.toString().endsWith("-sources.jar") && !p.toString().endsWith("-javadoc.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("run 'mvn package' first"));
        }
    }

    private static void awaitHealthy(Process process, int port, Path log) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited: " + tail(log));
            }
            try {
                if (http.send(health, BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the application did not become healthy: " + tail(log));
    }

    private static String tail(Path log) throws IOException {
        String text = Files.readString(log);
        return text.substring(Math.max(0, text.length() - 4000));
    }
}
