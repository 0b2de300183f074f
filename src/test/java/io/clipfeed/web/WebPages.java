package io.clipfeed.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.clipfeed.Browser;

/** What a person does on Clipfeed's pages, step by step, for the browser tests. */
final class WebPages {

    static final String PASSWORD = "Clipfeed-test-passw0rd";
    private final Browser browser;

    WebPages(Browser browser) {
        this.browser = browser;
    }

    void signUp(String username) {
        browser.open("/signup");
        browser.find("#username").sendKeys(username);
        browser.find("#password").sendKeys(PASSWORD);
        browser.find("button[type=submit]").click();
        browser.waitUntil(d -> username.equals(d.findElement(By.cssSelector("[data-testid=signed-in-as]")).getText()));
    }

    /** Picks a file and a title on the upload page (opened with {@code query}) and starts the upload. */
    WebElement startUpload(String query, Path file, String title) {
        browser.open("/upload" + query);
        WebElement page = browser.find("#upload-page");
        browser.driver().findElement(By.id("file")).sendKeys(file.toString());
        WebElement titleField = browser.find("#title");
        titleField.clear();
        titleField.sendKeys(title);
        browser.find("#start-upload").click();
        return page;
    }

    /** Waits until the upload ends and returns its final state, failing with the page's message on error. */
    String awaitUploadEnd(WebElement page, Duration timeout) {
        browser.waitUntil(d -> List.of("done", "error").contains(page.getDomAttribute("data-state")), timeout);
        assertThat(page.getDomAttribute("data-state")).as(browser.find("#upload-status").getText()).isEqualTo("done");
        return page.getDomAttribute("data-state");
    }

    static List<Integer> progressEvents(WebElement page) {
        String seen = page.getDomAttribute("data-progress-events");
        return seen == null || seen.isEmpty() ? List.of()
                : Arrays.stream(seen.split(",")).map(Integer::valueOf).toList();
    }

    /** The row of a video in My videos, waiting for it to appear. */
    WebElement myVideosRow(String videoId) {
        browser.open("/me/videos");
        return browser.find("#my-videos li[data-video-id='" + videoId + "']");
    }
}
