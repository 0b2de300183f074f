package io.clipfeed.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.clipfeed.Browser;

/**
 * {@code bench/player/lab/lab.sh}: controlled first-frame experiments outside the product. Opens each lab page
 * (static pages and media made with the Debian ffmpeg CLI, served by nginx) in a fresh headless Chromium with the
 * bench's network emulation, rounds interleaved so drift hits every page alike, and prints the median of every
 * time the page recorded ({@code window.lab}, ms since navigation start; {@code next}: ms from play() to the next
 * video's first presented frame). Not a test. Arguments: base URL, rounds, down bytes/s, RTT ms, pages…
 */
public final class FirstFrameLab {

    private FirstFrameLab() {
    }

    /** {@code LAB_CHROMIUM_ARGS}: extra switches, space-separated. */
    private static List<String> chromiumArgs() {
        String args = System.getenv("LAB_CHROMIUM_ARGS");
        return args == null || args.isBlank() ? List.of() : List.of(args.trim().split("\\s+"));
    }

    public static void main(String[] args) {
        String base = args[0];
        int rounds = Integer.parseInt(args[1]);
        long bytesPerSecond = Long.parseLong(args[2]);
        int rttMs = Integer.parseInt(args[3]);
        List<String> pages = Arrays.asList(args).subList(4, args.length);
        Map<String, Map<String, List<Long>>> samples = new LinkedHashMap<>();
        for (int round = -1; round < rounds; round++) { // round -1 warms the server and the page cache
            for (String page : pages) {
                Map<String, List<Long>> into = samples.computeIfAbsent(page, k -> new TreeMap<>());
                try (Browser browser = Browser.mobile(base, chromiumArgs())) {
                    browser.throttle(bytesPerSecond, bytesPerSecond, rttMs);
                    browser.open("/" + page);
                    try {
                        browser.waitUntil(d -> browser.script("return window.lab && window.lab.done === true"),
                                Duration.ofSeconds(30));
                    } catch (org.openqa.selenium.TimeoutException e) {
                        System.out.println("LAB " + page + " did not finish: " + browser.script("const v ="
                                + " document.querySelector('video'); return JSON.stringify(window.lab) + ' video '"
                                + " + (v && [v.readyState, v.networkState, v.error && v.error.message, v.currentSrc])"));
                        continue;
                    }
                    @SuppressWarnings("unchecked")
                    Map<String, Object> lab = (Map<String, Object>) browser.script("return window.lab");
                    if (round < 0) {
                        continue;
                    }
                    lab.forEach((k, v) -> {
                        if (v instanceof Number n) {
                            into.computeIfAbsent(k, x -> new ArrayList<>()).add(n.longValue());
                        } else if (v instanceof List<?> list) {
                            list.forEach(x -> into.computeIfAbsent(k, y -> new ArrayList<>())
                                    .add(((Number) x).longValue()));
                        }
                    });
                }
            }
        }
        samples.forEach((page, times) -> {
            System.out.println("LAB " + page);
            times.entrySet().stream().sorted(Map.Entry.comparingByValue(
                    (a, b) -> Long.compare(PlayerBench.median(a), PlayerBench.median(b))))
                    .forEach(e -> System.out.printf("LAB   %-16s median=%6d  all=%s%n", e.getKey(),
                            PlayerBench.median(e.getValue()), e.getValue()));
        });
    }
}
