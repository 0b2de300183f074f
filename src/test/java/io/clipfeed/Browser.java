package io.clipfeed;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by the Debian chromedriver, for browser tests. Both binaries are named
 * explicitly ({@code CHROMIUM_BIN}/{@code CHROMEDRIVER_BIN} override), so Selenium Manager never tries to download a
 * browser. Every instance gets a fresh profile directory, deleted on close. Use it with try-with-resources:
 * <pre>{@code try (Browser browser = Browser.mobile("http://localhost:" + port)) { browser.open("/upload"); … }}</pre>
 */
public final class Browser implements AutoCloseable {

    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final Path profile;
    private final String baseUrl;

    private Browser(String baseUrl, List<String> extraArgs, Map<String, Object> mobileEmulation) {
        this.baseUrl = baseUrl;
        this.profile = tempDir();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(env("CHROMIUM_BIN", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile);
        options.addArguments(extraArgs);
        if (mobileEmulation != null) {
            options.setExperimentalOption("mobileEmulation", mobileEmulation);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(env("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
    }

    /** A phone-sized window (390×844 CSS px, 2× pixels, touch), as most viewers use Clipfeed. */
    public static Browser mobile(String baseUrl) {
        return mobile(baseUrl, List.of());
    }

    /** The phone-sized window with extra Chromium switches (for benchmark experiments). */
    public static Browser mobile(String baseUrl, List<String> extraArgs) {
        return new Browser(baseUrl, extraArgs, Map.of(
                "deviceMetrics", Map.of("width", 390, "height", 844, "pixelRatio", 2.0, "touch", true)));
    }

    /** A laptop-sized window. */
    public static Browser desktop(String baseUrl) {
        return new Browser(baseUrl, List.of("--window-size=1280,900"), null);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Loads a path of the application under test, e.g. {@code /upload?parallel=3}. */
    public Browser open(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    public WebElement find(By by) {
        return waitUntil(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public WebElement find(String css) {
        return find(By.cssSelector(css));
    }

    /** Waits up to {@link #DEFAULT_WAIT} for a condition (a Selenium {@code ExpectedCondition} or any lambda). */
    public <T> T waitUntil(Function<WebDriver, T> condition) {
        return waitUntil(condition, DEFAULT_WAIT);
    }

    public <T> T waitUntil(Function<WebDriver, T> condition, Duration timeout) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(50)).until(condition);
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /**
     * Emulates a slow network through the DevTools protocol (bytes per second; applies to uploads too), so tests
     * can observe progress and act mid-transfer. Pass {@code -1} for no limit.
     */
    public void throttle(long downloadBytesPerSecond, long uploadBytesPerSecond, int latencyMs) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false,
                "latency", latencyMs, "downloadThroughput", downloadBytesPerSecond,
                "uploadThroughput", uploadBytesPerSecond));
    }

    /** Saves a PNG of the current viewport and returns its path. */
    /**
     * Saves what the page shows. Pictures meant for the README (under {@code docs/screenshots}) are written there
     * only when {@code CLIPFEED_SCREENSHOTS=docs} is set, so an ordinary test run leaves the tracked files alone;
     * otherwise they go to {@code target/screenshots}.
     */
    public Path screenshot(Path file) {
        if (file.normalize().startsWith(Path.of("docs", "screenshots"))
                && !"docs".equals(System.getenv("CLIPFEED_SCREENSHOTS"))) {
            file = Path.of("target", "screenshots").resolve(file.getFileName());
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("clipfeed-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp profile is harmless
        }
    }
}
