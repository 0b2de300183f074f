package io.clipfeed.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.openqa.selenium.Keys;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.clipfeed.Browser;
import io.clipfeed.ClipfeedApplication;
import io.clipfeed.catalog.Catalog;
import io.clipfeed.catalog.NewVideo;
import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.Visibility;
import io.clipfeed.identity.Accounts;
import io.clipfeed.platform.Role;
import io.clipfeed.storage.Blob;
import io.clipfeed.storage.BlobStore;

/**
 * {@code bench/player/run.sh}: starts Clipfeed, publishes clips through the real pipeline, then drives headless
 * Chromium on an emulated network (CDP {@code Network.emulateNetworkConditions}) through the home feed: the time
 * from page start to the first video's first frame (requestVideoFrameCallback), and from each swipe (ArrowDown) to
 * the next video's first frame, with adjacent preload, with {@code ?preload=off} and with {@code ?starter=off},
 * in turn. Not a test.
 * Arguments: port, data directory, sessions per mode, swipes per session, dwell ms, down bytes/s, RTT ms.
 * {@code BENCH_EDGE} (any value): the media edge on port + 1 with its own URL, so media is cross-origin.
 */
public final class PlayerBench {

    /**
     * preload: the default player; off: {@code ?preload=off} (no adjacent preload, no pre-render); nostarter:
     * {@code ?starter=off} (the first video starts on its rung with sound instead of the video-only starter);
     * ownaudio: {@code ?audio=own} (each video plays its sound on its own output, not the shared audio context).
     * {@code BENCH_MODES} (space-separated) picks others than the default three.
     */
    private static final List<String> MODES = System.getenv("BENCH_MODES") == null
            ? List.of("preload", "off", "nostarter") : List.of(System.getenv("BENCH_MODES").trim().split("\\s+"));

    private PlayerBench() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int sessions = Integer.parseInt(args[2]);
        int swipes = Integer.parseInt(args[3]);
        long dwellMs = Long.parseLong(args[4]);
        long bytesPerSecond = Long.parseLong(args[5]);
        int rttMs = Integer.parseInt(args[6]);
        // "-" as data directory: measure a server that is already running on the port (and has clips)
        List<String> settings = new ArrayList<>(List.of("--server.port=" + port, "--clipfeed.data-dir=" + args[1],
                "--clipfeed.demo.enabled=false", "--logging.level.root=WARN"));
        if (System.getenv("BENCH_EDGE") != null) {
            // media from the edge on the next port: another origin than the page's (CORS mode, see MediaOrigin)
            settings.addAll(List.of("--clipfeed.delivery.edge.enabled=true", "--clipfeed.delivery.edge.port=" + (port + 1),
                    "--clipfeed.delivery.edge.address=127.0.0.1",
                    "--clipfeed.delivery.edge.url=http://127.0.0.1:" + (port + 1)));
        }
        ConfigurableApplicationContext context = args[1].equals("-") ? null
                : new SpringApplicationBuilder(ClipfeedApplication.class).run(settings.toArray(String[]::new));
        if (context != null) {
            publish(context, swipes + 1);
        }
        if (System.getenv("BENCH_HOLD") != null) {
            Thread.sleep(Long.MAX_VALUE); // keep serving for runs with "-" (iterating on the client)
        }
        Map<String, List<Long>> samples = new TreeMap<>();
        // one unrecorded session per mode first: the server's JIT and the OS page cache warm up
        for (String mode : MODES) {
            session(port, mode, 1, dwellMs, bytesPerSecond, rttMs, new TreeMap<>());
        }
        if (System.getenv("BENCH_TIMINGS") != null) {
            timings(port, bytesPerSecond, rttMs);
        }
        for (int s = 0; s < sessions; s++) {
            for (String mode : MODES) {
                session(port, mode, swipes, dwellMs, bytesPerSecond, rttMs, samples);
            }
        }
        report(samples);
        if (context != null) {
            context.close();
        }
        System.exit(0);
    }

    private static void session(int port, String mode, int swipes, long dwellMs, long bytesPerSecond, int rttMs,
            Map<String, List<Long>> samples) throws InterruptedException {
        try (Browser browser = Browser.mobile("http://localhost:" + port, chromiumArgs())) {
            // the network is emulated from the first request of the page on; the latency applies to each request
            browser.throttle(bytesPerSecond, bytesPerSecond, rttMs);
            browser.open(switch (mode) {
                case "off" -> "/?preload=off";
                case "nostarter" -> "/?starter=off";
                case "ownaudio" -> "/?audio=own";
                default -> "/";
            });
            long first = firstFrame(browser, 0, "firstFrameAt");
            samples.computeIfAbsent("fresh-page-" + mode, k -> new ArrayList<>()).add(first);
            samples.computeIfAbsent("fresh-page-callback-" + mode, k -> new ArrayList<>())
                    .add(firstFrame(browser, 0, "callbackStartupMs"));
            for (int i = 1; i <= swipes; i++) {
                Thread.sleep(dwellMs); // the viewer watches a while before swiping on
                browser.find(".player").sendKeys(Keys.ARROW_DOWN);
                samples.computeIfAbsent("next-" + mode, k -> new ArrayList<>()).add(firstFrame(browser, i, "startupMs"));
                samples.computeIfAbsent("next-callback-" + mode, k -> new ArrayList<>())
                        .add(firstFrame(browser, i, "callbackStartupMs"));
            }
        }
    }

    /** Prints when each request of a fresh page started and ended, to see where the first frame's time goes. */
    private static void timings(int port, long bytesPerSecond, int rttMs) {
        try (Browser browser = Browser.mobile("http://localhost:" + port, chromiumArgs())) {
            browser.throttle(bytesPerSecond, bytesPerSecond, rttMs);
            browser.open("/");
            firstFrame(browser, 0, "firstFrameAt");
            System.out.println("TIMING first frame at " + firstFrame(browser, 0, "firstFrameAt") + " ms");
            System.out.println(browser.script("const n = performance.getEntriesByType('navigation')[0]; return 'TIMING"
                    + " html ' + Math.round(n.requestStart) + '-' + Math.round(n.responseStart) + '-'"
                    + " + Math.round(n.responseEnd) + ' domInteractive ' + Math.round(n.domInteractive)"
                    + " + ' domContentLoaded ' + Math.round(n.domContentLoadedEventEnd) + ' boot '"
                    + " + (document.querySelector('[data-boot]') ? 'adopted' : 'none')"));
            System.out.println(browser.script("return performance.getEntriesByType('resource').map(e => 'TIMING '"
                    + " + Math.round(e.startTime) + '-' + Math.round(e.responseStart) + '-' + Math.round(e.responseEnd)"
                    + " + ' ' + e.initiatorType + ' ' + e.transferSize + ' '"
                    + " + e.name.replace(/\\?.*/, '').slice(-60)).join('\\n')"));
        }
    }

    /** {@code BENCH_CHROMIUM_ARGS}: extra switches, space-separated (e.g. to take parts out for a breakdown). */
    private static List<String> chromiumArgs() {
        String args = System.getenv("BENCH_CHROMIUM_ARGS");
        return args == null || args.isBlank() ? List.of() : List.of(args.trim().split("\\s+"));
    }

    private static long firstFrame(Browser browser, int index, String field) {
        String slide = "document.querySelectorAll('.player-slide')[" + index + "]";
        Object value = browser.waitUntil(d -> browser.script("const s = " + slide + "; return s && s.dataset."
                + field + " && s.dataset.firstFrame === 'true' ? s.dataset." + field + " : null"),
                Duration.ofSeconds(60));
        return Long.parseLong(value.toString());
    }

    private static void report(Map<String, List<Long>> samples) {
        samples.forEach((name, list) -> System.out.printf("RESULT %-26s n=%-3d median=%6d ms  all=%s%n", name,
                list.size(), median(list), list));
        if (samples.containsKey("next-preload") && samples.containsKey("next-off")) {
            double ratio = (double) median(samples.get("next-preload")) / median(samples.get("next-off"));
            System.out.printf("RESULT next-video ratio preload/off = %.2f%n", ratio);
        }
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Clips alternate between the two sample files; waits until every ladder and HLS package is done. */
    private static void publish(ConfigurableApplicationContext context, int count) throws Exception {
        Catalog catalog = context.getBean(Catalog.class);
        BlobStore blobs = context.getBean(BlobStore.class);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // one creator per clip, as in a real feed: For You never shows one creator twice in a row
            String creator = context.getBean(Accounts.class).ensure("bench_" + UUID.randomUUID().toString()
                    .substring(0, 8), "pw-" + UUID.randomUUID(), Set.of(Role.USER)).id();
            Path clip = io.clipfeed.SampleClips.path(i % 2 == 0 ? "cup.mp4" : "box.mp4");
            Video video = catalog.create(new NewVideo(creator, "Bench " + i, "", Visibility.PUBLIC, "clip.mp4"));
            Blob blob = blobs.put(clip, "video/mp4");
            catalog.markUploaded(video.id(), blob.key().sha256(), blob.size());
            ids.add(video.id());
        }
        long end = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        for (String id : ids) {
            while (catalog.find(id).orElseThrow().renditions().stream().noneMatch(r -> r.kind().equals("hls"))) {
                if (System.nanoTime() > end) {
                    throw new IllegalStateException("clips were not processed in time");
                }
                Thread.sleep(500);
            }
        }
        System.out.println("published " + ids.size() + " clips");
    }
}
