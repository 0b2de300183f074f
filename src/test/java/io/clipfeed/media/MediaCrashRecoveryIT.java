package io.clipfeed.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.clipfeed.ServerProcess;
import io.clipfeed.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * Crash recovery of media jobs end to end: the packaged application runs as its own process, a 24 s clip is
 * uploaded over tus, the process is SIGKILLed while a step is encoding (the ladder; or the first playable rung,
 * while the video is still PROCESSING), and started again on the same data directory and database. Without anyone
 * doing anything, the step must run again and everything after it: the video ends PUBLISHED at 100 %, with exactly
 * one rendition per kind/codec/height, and every rendition file decodes. The same after an orderly stop (SIGTERM)
 * mid-ladder: the step stops at once and is not lost.
 */
class MediaCrashRecoveryIT {

    private static final Logger log = LoggerFactory.getLogger(MediaCrashRecoveryIT.class);
    private static final double SECONDS = 24;

    // One data directory and one running app for the whole class: the app a test restarted (and checked) is the
    // one the next test uploads to, which saves a start (~10 s) per test.
    @TempDir
    static Path work;
    private static Process app;
    private static int starts;
    private static final int port = ServerProcess.freePort();
    // the test's subject is recovery, not per-title: the ladder at the base preset, as the in-process tests run it
    private static final Map<String, String> env = Map.of("CLIPFEED_MODERATION_MODE", "post",
            "CLIPFEED_MEDIA_EFFORT_BUDGET", "0s");
    /** The portrait clip two tests upload, made once (painting and encoding 720 frames takes a while). */
    private static Path portrait;
    private RemoteApp remote;

    @AfterAll
    static void stopApp() throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.destroy();
            app.waitFor();
        }
    }

    @Test
    void ladderKilledMidEncodeRunsAgainAfterRestartAndFinishesWithoutDuplicates() throws Exception {
        Path clip = portrait();
        JsonNode mid = uploadAndKillWhen(clip, MediaCrashRecoveryIT::ladderRunning);
        assertThat(kinds(mid)).as("the ladder had not finished when the process died").doesNotContain("hls");
        restartAndAssertFinished(mid.get("id").asString());
    }

    @Test
    void firstRungKilledMidEncodeRunsAgainSoNothingStaysProcessing() throws Exception {
        Path clip = ClipMaker.clip().format("avi").video("mpeg4").silent().size(1280, 720).fps(30).seconds(SECONDS)
                .write(work.resolve("legacy.avi"));
        JsonNode mid = uploadAndKillWhen(clip, v -> {
            ladderRunning(v); // fails fast on an early FAILED
            return v.get("status").asString().equals("PROCESSING") && v.get("progress").asInt() > 2;
        });
        assertThat(mid.get("renditions")).as("nothing played yet when the process died").isEmpty();
        restartAndAssertFinished(mid.get("id").asString());
    }

    @Test
    void ladderStoppedByAnOrderlyShutdownStopsWithinSecondsAndRunsAgainAfterRestart() throws Exception {
        Path clip = portrait();
        running();
        remote = new RemoteApp(port, TestUsers.register(port).bearer());
        String id = remote.upload(clip, "Survives a restart mid-encode");
        JsonNode mid = remote.await(id, MediaCrashRecoveryIT::ladderRunning, Duration.ofMinutes(3));
        long stopping = System.nanoTime();
        app.destroy(); // SIGTERM: the orderly shutdown a deployment does
        app.waitFor();
        long stopMs = (System.nanoTime() - stopping) / 1_000_000;
        log.info("stopped at {}% in {} ms", mid.get("progress"), stopMs);
        // the running ladder stops at its next check and does not hold the shutdown
        assertThat(stopMs).isLessThan(15_000);
        assertThat(kinds(mid)).doesNotContain("hls");
        restartAndAssertFinished(id);
    }

    /** Starts the app, uploads the clip, and SIGKILLs the app as soon as the video is in the given state. */
    private JsonNode uploadAndKillWhen(Path clip, java.util.function.Predicate<JsonNode> moment) throws Exception {
        running();
        remote = new RemoteApp(port, TestUsers.register(port).bearer());
        String id = remote.upload(clip, "Survives kill -9 mid-encode");
        JsonNode mid = remote.await(id, moment, Duration.ofMinutes(3));
        app.destroyForcibly(); // SIGKILL: no shutdown hook, the step's execution stays picked in the database
        app.waitFor();
        log.info("killed at {} {}% with renditions {}", mid.get("status"), mid.get("progress"), mid.get("renditions"));
        return mid;
    }

    /** Restarts on the same data and waits, without any other action, for the whole processing to finish. */
    private void restartAndAssertFinished(String id) throws Exception {
        long restarted = System.nanoTime();
        app = start();
        log.info("restarted in {} ms", (System.nanoTime() - restarted) / 1_000_000);
        JsonNode done = remote.await(id, v -> v.get("progress").asInt() == 100 && kinds(v).contains("hls"),
                Duration.ofMinutes(10)); // generous: CI machines are shared
        log.info("processing finished {} ms after the restart began", (System.nanoTime() - restarted) / 1_000_000);

        assertThat(done.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(remote.video(id).get("progress").asInt()).isEqualTo(100);
        assertThat(renditionKeys(done)).as("one rendition per kind/codec/height")
                .doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(3);
        everyRenditionPlays(remote, id, done);
    }

    private static synchronized Path portrait() throws Exception {
        if (portrait == null) {
            Path dir = Files.createTempDirectory("crash-clips-");
            dir.toFile().deleteOnExit();
            portrait = ClipMaker.clip().size(720, 1280).fps(30).seconds(SECONDS).write(dir.resolve("portrait.mp4"));
            portrait.toFile().deleteOnExit();
        }
        return portrait;
    }

    /** The app left running by the test before, or a new one. */
    private static void running() throws Exception {
        if (app == null || !app.isAlive()) {
            app = start();
        }
    }

    private static Process start() throws Exception {
        return ServerProcess.start(port, dataDir(), work.resolve("app-" + (++starts) + ".log"), env);
    }

    private static Path dataDir() throws java.io.IOException {
        return Files.createDirectories(work.resolve("data"));
    }

    /** The ladder step owns progress 30–100 (after prepare and covers); inside this, it is really encoding. */
    private static boolean ladderRunning(JsonNode video) {
        int progress = video.get("progress").asInt();
        String status = video.get("status").asString();
        if (status.equals("FAILED") || status.equals("REJECTED")) {
            throw new AssertionError("processing ended before the kill: " + video);
        }
        return progress > 30 && progress < 90;
    }

    private void everyRenditionPlays(RemoteApp remote, String id, JsonNode done) throws Exception {
        JsonNode play = remote.play(id);
        List<String> mp4Urls = new ArrayList<>(List.of(play.get("mp4Url").asString()));
        play.get("alternates").forEach(a -> mp4Urls.add(a.get("url").asString()));
        long mp4Renditions = done.get("renditions").valueStream().filter(r -> kind(r).equals("mp4"))
                .filter(r -> r.get("codec").asString().startsWith("avc1")).count(); // what /play offers by default
        assertThat(mp4Urls).doesNotHaveDuplicates().hasSize((int) mp4Renditions);
        for (int i = 0; i < mp4Urls.size(); i++) {
            Path file = remote.download(mp4Urls.get(i), work.resolve("rendition-" + id + "-" + i + ".mp4"));
            Probe probe = MediaInspector.probe(file);
            MediaInspector.Packets packets = MediaInspector.packets(file);
            assertThat(probe.durationMs()).as("duration of %s", mp4Urls.get(i)).isBetween(23_500L, 24_500L);
            assertThat(packets.videoPackets()).as("frames of %s", mp4Urls.get(i)).isGreaterThanOrEqualTo(700);
        }
        String master = remote.text(play.get("hlsUrl").asString());
        List<String> variants = master.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(variants).isNotEmpty().doesNotHaveDuplicates();
        for (String variant : variants) {
            String media = remote.text(java.net.URI.create(play.get("hlsUrl").asString()).resolve(variant).toString());
            assertThat(media).contains("#EXT-X-ENDLIST").contains("#EXT-X-MAP");
        }
    }

    private static List<String> kinds(JsonNode video) {
        return video.get("renditions").valueStream().map(MediaCrashRecoveryIT::kind).toList();
    }

    private static List<String> renditionKeys(JsonNode video) {
        return video.get("renditions").valueStream()
                .map(r -> kind(r) + "/" + r.get("codec").asString() + "/" + r.get("height").asInt())
                .collect(Collectors.toList());
    }

    private static String kind(JsonNode rendition) {
        return rendition.get("kind").asString();
    }
}
