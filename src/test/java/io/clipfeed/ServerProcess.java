package io.clipfeed;

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
 * environment is inherited (SPRING_PROFILES_ACTIVE=postgres passes through in CI). Shared by the crash tests of
 * uploads and media.
 */
public final class ServerProcess {

    private ServerProcess() {
    }

    public static Process start(int port, Path dataDir, Path log) throws IOException, InterruptedException {
        return start(port, dataDir, log, java.util.Map.of());
    }

    /** Starts the application with extra environment variables (settings) and waits until it is healthy. */
    public static Process start(int port, Path dataDir, Path log, java.util.Map<String, String> env)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m",
                // C1 only: the app is healthy in about two thirds of the time (20 s instead of 30 s on a loaded
                // 2-core CI machine); FFmpeg's work is native and does not care
                "-XX:TieredStopAtLevel=1", "-jar", jar().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SERVER_PORT", String.valueOf(port));
        pb.environment().put("CLIPFEED_DATA_DIR", dataDir.toString());
        pb.environment().put("CLIPFEED_DEMO_ENABLED", "false");
        pb.environment().putAll(env);
        Process process = pb.start();
        awaitHealthy(process, port, log);
        return process;
    }

    public static Path jar() throws IOException {
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
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
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

    /** Any free local port, for a server started by a test. */
    public static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The last 4000 characters of the server's log, for a failure message. */
    public static String tail(Path log) throws IOException {
        String text = Files.readString(log);
        return text.substring(Math.max(0, text.length() - 4000));
    }
}
