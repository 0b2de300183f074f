package io.clipfeed.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import io.clipfeed.Browser;
import io.clipfeed.IntegrationTestBase;
import io.clipfeed.SampleClips;
import io.clipfeed.TestUsers;
import io.clipfeed.catalog.NewVideo;
import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoStatus;
import io.clipfeed.catalog.Visibility;
import io.clipfeed.platform.Role;
import io.clipfeed.storage.Blob;

/**
 * The comment drawer in headless Chromium against the real API: what staff may do there, and how it behaves for
 * someone using the keyboard. Each test publishes its own clip, so it is the first slide of the latest list.
 */
@io.clipfeed.BrowserTest
class CommentDrawerWebIT extends IntegrationTestBase {

    private static final Duration GENEROUS = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private String publish(String title) throws IOException {
        String creator = accounts.ensure("cr_" + TestUsers.randomHex(6), WebPages.PASSWORD, Set.of(Role.USER)).id();
        Video video = catalog.create(new NewVideo(creator, title, "", Visibility.PUBLIC, "cup.mp4"));
        Blob blob = blobs.put(SampleClips.path("cup.mp4"), "video/mp4");
        catalog.markUploaded(video.id(), blob.key().sha256(), blob.size());
        Awaitility.await().atMost(GENEROUS).pollInterval(Duration.ofMillis(200)).until(
                () -> catalog.find(video.id()).orElseThrow().status() == VideoStatus.PUBLISHED);
        return video.id();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /** Opens the home feed at the clip (the newest) and opens its comment drawer, waiting for the list. */
    private WebElement openDrawer(Browser browser, String videoId) {
        browser.open("/?feed=latest");
        WebElement slide = browser.find(".player-slide[data-video-id='" + videoId + "']");
        browser.waitUntil(d -> "true".equals(slide.getDomAttribute("data-social-ready")), GENEROUS);
        slide.findElement(By.cssSelector(".rail-comments")).click();
        browser.find("#comment-list[aria-busy='false']");
        return slide;
    }

    private String comment(TestUsers.Session author, String videoId, String text) throws Exception {
        HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(
                URI.create(base() + "/api/v1/videos/" + videoId + "/comments"))
                .header("Authorization", author.bearer()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        return posted.body();
    }

    private int commentCount(String videoId) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/videos/" + videoId + "/comments"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        return body.split("\"text\"", -1).length - 1;
    }

    private static String deleteButtons() {
        return "return [...document.querySelectorAll('#comment-list .comment')]"
                + ".filter(c => c.querySelector('.comment-text').textContent === arguments[0])"
                + ".map(c => c.querySelectorAll('.comment-actions .danger').length)";
    }

    @Test
    void anAdminSeesDeleteOnSomeoneElsesCommentAndAPlainViewerDoesNot() throws Exception {
        String videoId = publish("Moderate me");
        String text = "A comment by someone else " + TestUsers.randomHex(3);
        comment(TestUsers.register(port), videoId, text);
        String admin = "ad_" + TestUsers.randomHex(6);
        accounts.ensure(admin, WebPages.PASSWORD, Set.of(Role.ADMIN, Role.USER));

        try (Browser browser = Browser.mobile(base())) {
            new WebPages(browser).signUp("pv_" + TestUsers.randomHex(6));
            openDrawer(browser, videoId);
            browser.waitUntil(d -> !((List<?>) browser.script(deleteButtons(), text)).isEmpty());
            assertThat(browser.script(deleteButtons(), text)).as("a plain viewer").isEqualTo(List.of(0L));

            browser.find(".comment-drawer [aria-label='Close comments']").click();
            browser.find("#account button").click();
            browser.find("#account a[href='/signin']");
            browser.open("/signin");
            browser.find("#username").sendKeys(admin);
            browser.find("#password").sendKeys(WebPages.PASSWORD);
            browser.find("button[type=submit]").click();
            browser.waitUntil(d -> admin.equals(d.findElement(By.cssSelector("[data-testid=signed-in-as]")).getText()));

            openDrawer(browser, videoId);
            browser.waitUntil(d -> !((List<?>) browser.script(deleteButtons(), text)).isEmpty());
            assertThat(browser.script(deleteButtons(), text)).as("an admin").isEqualTo(List.of(1L));
            browser.find("#comment-list .comment-actions .danger").click();
            browser.waitUntil(d -> ((List<?>) browser.script(deleteButtons(), text)).isEmpty());
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> commentCount(videoId) == 0);
        }
    }

    @Test
    void theDrawerKeepsFocusAfterPostingByKeyboardAndEscapeGivesItBackToTheCommentsButton() throws Exception {
        String videoId = publish("Type at me");
        try (Browser browser = Browser.mobile(base())) {
            new WebPages(browser).signUp("kb_" + TestUsers.randomHex(6));
            browser.open("/?feed=latest");
            WebElement slide = browser.find(".player-slide[data-video-id='" + videoId + "']");
            browser.waitUntil(d -> "true".equals(slide.getDomAttribute("data-social-ready")), GENEROUS);
            WebElement commentsButton = slide.findElement(By.cssSelector(".rail-comments"));
            commentsButton.sendKeys(Keys.ENTER);
            browser.find("#comment-list[aria-busy='false']");
            browser.waitUntil(d -> "comment-text".equals(browser.script("return document.activeElement.id")));

            // Tab to Post and press Enter: the button used to drop its focus to <body> while posting
            keys(browser, "First by keyboard", Keys.TAB);
            assertThat(browser.script("return document.activeElement.textContent")).isEqualTo("Post");
            keys(browser, Keys.ENTER);
            browser.waitUntil(d -> comments(browser).contains("First by keyboard"));
            assertThat(browser.script(IN_DRAWER)).as("focus after posting with the button").isEqualTo(true);
            assertThat(commentsButton.getDomAttribute("aria-label")).isEqualTo("Comments, 1 comment");
            assertThat(browser.find("#comments-title").getText()).isEqualTo("1 comment");

            // In the box, Shift+Enter is a new line and Enter posts
            keys(browser, "line one");
            new Actions(browser.driver()).keyDown(Keys.SHIFT).sendKeys(Keys.ENTER).keyUp(Keys.SHIFT).perform();
            keys(browser, "line two");
            assertThat(browser.script("return document.getElementById('comment-text').value")).isEqualTo("line one\nline two");
            assertThat(comments(browser)).hasSize(1);
            keys(browser, Keys.ENTER);
            browser.waitUntil(d -> comments(browser).contains("line one\nline two"));
            assertThat(browser.script("return document.activeElement.id")).as("focus after posting with Enter")
                    .isEqualTo("comment-text");
            assertThat(browser.script("return document.activeElement.value")).isEqualTo("");

            // Tab goes round the drawer and never behind it
            for (int i = 0; i < 15; i++) {
                keys(browser, Keys.TAB);
                assertThat(browser.script(IN_DRAWER)).as("focus after %d Tabs", i + 1).isEqualTo(true);
            }
            keys(browser, Keys.ESCAPE);
            browser.waitUntil(d -> d.findElements(By.cssSelector(".comment-drawer")).isEmpty());
            assertThat(browser.script("return document.activeElement === arguments[0]", commentsButton))
                    .as("focus back on the comments button").isEqualTo(true);
        }
    }

    private static final String IN_DRAWER = "return !!document.activeElement.closest('.comment-drawer')";

    /** Types into whatever has focus, as a person at a keyboard does. */
    private static void keys(Browser browser, CharSequence... keys) {
        new Actions(browser.driver()).sendKeys(keys).perform();
    }

    @SuppressWarnings("unchecked")
    private static List<String> comments(Browser browser) {
        return (List<String>) browser.script(
                "return [...document.querySelectorAll('#comment-list .comment-text')].map(c => c.textContent)");
    }
}
