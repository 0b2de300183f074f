package io.clipfeed.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.clipfeed.Browser;
import io.clipfeed.IntegrationTestBase;
import io.clipfeed.platform.Ids;

/**
 * The web client end to end in headless Chromium: sign up, upload a real clip with tus-js-client through the upload
 * page, and find it in My videos.
 */
@io.clipfeed.BrowserTest
class WebUploadIT extends IntegrationTestBase {

    private static final Path CUP = io.clipfeed.SampleClips.path("cup.mp4");
    private static final Path SHOTS = Path.of("target/screenshots");

    private Browser browser() {
        return Browser.mobile("http://localhost:" + port);
    }

    private static String freshUsername() {
        return "web_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    @Test
    void signsUpUploadsAClipInThreeParallelPartsAndFindsItInMyVideos() {
        try (Browser browser = browser()) {
            WebPages pages = new WebPages(browser);
            pages.signUp(freshUsername());

            WebElement page = pages.startUpload("?parallel=3", CUP, "Cup on a table");
            assertThat(browser.driver().findElement(By.id("parallel")).getDomProperty("value")).isEqualTo("3");
            pages.awaitUploadEnd(page, Duration.ofSeconds(60));

            List<Integer> progress = WebPages.progressEvents(page);
            assertThat(progress).as("progress events").hasSizeGreaterThanOrEqualTo(3).isSorted()
                    .allSatisfy(p -> assertThat(p).isBetween(0, 100)).last().isEqualTo(100);
            assertThat(partialUploadUrls(browser)).as("tus partial uploads sent by the page").hasSize(3);
            String videoId = page.getDomAttribute("data-video-id");
            assertThat(Ids.isWellFormed(videoId)).as("video id %s", videoId).isTrue();
            assertThat(browser.find("#video-id").getText()).isEqualTo(videoId);

            browser.screenshot(SHOTS.resolve("upload-done.png"));
            browser.find("#to-my-videos").click();
            WebElement row = browser.find("#my-videos li[data-video-id='" + videoId + "']");
            browser.screenshot(SHOTS.resolve("my-videos-after-upload.png"));
            assertThat(row.findElement(By.cssSelector(".video-title")).getText()).isEqualTo("Cup on a table");
            assertThat(row.findElement(By.cssSelector(".badge")).getText()).isNotBlank();
        }
    }

    @Test
    void anUploadInterruptedByAPageReloadResumesWhereItStopped() {
        try (Browser browser = browser()) {
            WebPages pages = new WebPages(browser);
            pages.signUp(freshUsername());
            browser.throttle(-1, 150_000, 20);
            WebElement page = pages.startUpload("", CUP, "Resumed cup");
            browser.waitUntil(d -> progressOf(page) >= 25, Duration.ofSeconds(30));
            String videoId = browser.waitUntil(d -> page.getDomAttribute("data-video-id"));
            browser.screenshot(SHOTS.resolve("upload-progress.png"));

            browser.open("/upload");
            browser.throttle(-1, -1, 0);
            WebElement again = pages.startUpload("", CUP, "Resumed cup");
            pages.awaitUploadEnd(again, Duration.ofSeconds(60));

            assertThat(again.getDomAttribute("data-resumed")).isEqualTo("true");
            assertThat(WebPages.progressEvents(again).get(0)).as("first progress after the reload").isGreaterThan(0);
            assertThat(again.getDomAttribute("data-video-id")).isEqualTo(videoId);
            browser.open("/me/videos");
            browser.find("#my-videos li[data-video-id='" + videoId + "']");
            assertThat(browser.driver().findElements(By.xpath("//h2[text()='Resumed cup']"))).hasSize(1);
        }
    }

    private static int progressOf(WebElement page) {
        String value = page.getDomAttribute("data-progress");
        return value == null ? 0 : Integer.parseInt(value);
    }

    /** The tus upload URLs (other than the creation endpoint) the page talked to, from Resource Timing. */
    @SuppressWarnings("unchecked")
    private static List<String> partialUploadUrls(Browser browser) {
        return (List<String>) browser.script("""
                return [...new Set(performance.getEntriesByType('resource').map(e => e.name)
                    .filter(n => /\\/api\\/v1\\/uploads\\/[^/]+$/.test(new URL(n).pathname)))];""");
    }
}
