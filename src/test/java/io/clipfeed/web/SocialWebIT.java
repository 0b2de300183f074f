package io.clipfeed.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import javax.imageio.ImageIO;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
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
 * The social web client in headless Chromium against the real API: likes by double tap, the comment drawer, follow
 * from a profile, notifications, avatar upload. Each test publishes its own clip by a fresh creator, so it is the
 * newest video and the first slide of the home feed.
 */
@io.clipfeed.BrowserTest
class SocialWebIT extends IntegrationTestBase {

    private static final Duration GENEROUS = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    record Creator(String id, String username) {
    }

    private Creator creator() {
        String username = "cr_" + TestUsers.randomHex(6);
        return new Creator(accounts.ensure(username, WebPages.PASSWORD, Set.of(Role.USER)).id(), username);
    }

    /** A clip through the real media pipeline, waited for until it is published. */
    private String publish(Creator creator, String title) throws IOException {
        Video video = catalog.create(new NewVideo(creator.id(), title, "", Visibility.PUBLIC, "cup.mp4"));
        Blob blob = blobs.put(SampleClips.path("cup.mp4"), "video/mp4");
        catalog.markUploaded(video.id(), blob.key().sha256(), blob.size());
        Awaitility.await().atMost(GENEROUS).pollInterval(Duration.ofMillis(200)).until(
                () -> catalog.find(video.id()).orElseThrow().status() == VideoStatus.PUBLISHED);
        return video.id();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static String slide(String videoId) {
        return ".player-slide[data-video-id='" + videoId + "']";
    }

    /** Opens the home feed and waits until the clip is the current slide with its rail ready. */
    private WebElement openFeedAt(Browser browser, String videoId) {
        browser.open("/?feed=latest");
        WebElement slide = browser.find(slide(videoId));
        browser.waitUntil(d -> "true".equals(slide.getDomAttribute("data-social-ready")), GENEROUS);
        return slide;
    }

    @Test
    void doubleTapLikesTheVideoAndTheCountSurvivesAReload() throws Exception {
        String videoId = publish(creator(), "Double tap me");
        try (Browser browser = Browser.mobile(base())) {
            new WebPages(browser).signUp("dt_" + TestUsers.randomHex(6));
            WebElement slide = openFeedAt(browser, videoId);
            WebElement like = slide.findElement(By.cssSelector(".rail-like"));
            assertThat(like.getDomAttribute("aria-pressed")).isEqualTo("false");
            assertThat(like.findElement(By.cssSelector(".rail-count")).getText()).isEqualTo("0");

            new Actions(browser.driver()).doubleClick(slide.findElement(By.tagName("video"))).perform();
            browser.waitUntil(d -> "1".equals(slide.getDomAttribute("data-hearts")));
            browser.waitUntil(d -> "true".equals(like.getDomAttribute("aria-pressed"))
                    && "1".equals(like.findElement(By.cssSelector(".rail-count")).getText()));
            browser.screenshot(Path.of("docs/screenshots/player-action-rail.png"));

            WebElement reloaded = openFeedAt(browser, videoId);
            WebElement likeAgain = reloaded.findElement(By.cssSelector(".rail-like"));
            assertThat(likeAgain.getDomAttribute("aria-pressed")).isEqualTo("true");
            assertThat(likeAgain.findElement(By.cssSelector(".rail-count")).getText()).isEqualTo("1");
        }
    }

    @Test
    void aCommentWithMarkupShowsAsTextInTheDrawer() throws Exception {
        String videoId = publish(creator(), "Comment on me");
        String markup = "<img src=x onerror=alert(1)>";
        try (Browser browser = Browser.mobile(base())) {
            new WebPages(browser).signUp("cm_" + TestUsers.randomHex(6));
            WebElement slide = openFeedAt(browser, videoId);
            slide.findElement(By.cssSelector(".rail-comments")).click();
            WebElement input = browser.find("#comment-text");
            browser.find("#comment-list[aria-busy='false']");
            input.sendKeys(markup);
            browser.find(".comment-form button[type=submit]").click();
            WebElement text = browser.find("#comment-list .comment-text");
            browser.waitUntil(d -> markup.equals(text.getText()));
            assertThat(browser.script("return document.querySelectorAll('#comment-list img:not(.comment-avatar)').length"))
                    .as("no element made from the comment").isEqualTo(0L);
            assertThat(slide.findElement(By.cssSelector(".rail-comments .rail-count")).getText()).isEqualTo("1");
            browser.screenshot(Path.of("docs/screenshots/comment-drawer.png"));

            // Listed by the server after a reload: still text.
            openFeedAt(browser, videoId).findElement(By.cssSelector(".rail-comments")).click();
            browser.waitUntil(d -> markup.equals(browser.find("#comment-list .comment-text").getText()));
            assertThat(browser.script("return document.querySelectorAll('#comment-list img:not(.comment-avatar)').length"))
                    .isEqualTo(0L);
            assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        }
    }

    @Test
    void followingFromAProfilePage() throws Exception {
        Creator creator = creator();
        String videoId = publish(creator, "On my profile");
        Awaitility.await().atMost(GENEROUS).pollInterval(Duration.ofMillis(250))
                .until(() -> catalog.find(videoId).orElseThrow().coverBlobKey() != null);
        try (Browser browser = Browser.mobile(base())) {
            new WebPages(browser).signUp("fo_" + TestUsers.randomHex(6));
            browser.open("/@" + creator.username());
            WebElement follow = browser.find("#follow-toggle");
            assertThat(follow.getText()).isEqualTo("Follow");
            browser.find(".video-grid .video-tile img");
            follow.click();
            awaitFollowButton(browser, "Following");
            assertThat(browser.script("return document.querySelector('[data-count=followers] strong').textContent"))
                    .isEqualTo("1");

            browser.open("/u/" + creator.id());
            awaitFollowButton(browser, "Following");
            browser.find(".video-grid .video-tile img");
            browser.screenshot(Path.of("docs/screenshots/profile.png"));
        }
    }

    @Test
    void notificationsPageShowsALikeByAnotherUser() throws Exception {
        Creator creator = creator();
        String videoId = publish(creator, "Like me");
        TestUsers.Session fan = TestUsers.register(port);
        HttpResponse<String> liked = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/videos/" + videoId + "/like"))
                .header("Authorization", fan.bearer()).PUT(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(liked.statusCode()).as(liked.body()).isEqualTo(200);
        TestUsers.Session creatorApi = TestUsers.login(port, creator.username(), WebPages.PASSWORD);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> HTTP.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/v1/me/notifications")).header("Authorization", creatorApi.bearer()).build(),
                HttpResponse.BodyHandlers.ofString()).body().contains(fan.username()));

        try (Browser browser = Browser.mobile(base())) {
            signIn(browser, creator.username());
            browser.waitUntil(d -> d.findElement(By.cssSelector("[data-unread-badge]")).isDisplayed());
            browser.find("a[href='/notifications']").click();
            WebElement item = browser.find("#notifications li[data-type=liked]");
            assertThat(item.getText()).contains("@" + fan.username()).contains("liked your video");
            assertThat(item.getDomAttribute("class")).contains("unread");
            browser.find("#mark-all-read").click();
            browser.waitUntil(d -> !item.getDomAttribute("class").contains("unread"));
            browser.waitUntil(d -> !d.findElement(By.cssSelector("[data-unread-badge]")).isDisplayed());
        }
    }

    @Test
    void uploadingAnAvatarOnTheProfilePageShowsTheNewPicture() throws Exception {
        Path picture = Files.createTempFile("avatar-", ".png");
        BufferedImage red = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = red.createGraphics();
        g.setColor(java.awt.Color.RED);
        g.fillRect(0, 0, 400, 300);
        g.dispose();
        ImageIO.write(red, "png", picture.toFile());
        String username = "av_" + TestUsers.randomHex(6);
        try (Browser browser = Browser.mobile(base())) {
            new WebPages(browser).signUp(username);
            browser.open("/@" + username);
            browser.find("#edit-profile").click();
            browser.driver().findElement(By.id("avatar-file")).sendKeys(picture.toString());
            browser.waitUntil(d -> d.findElement(By.id("avatar-preview")).getDomProperty("src").startsWith("blob:"));
            browser.find("#bio").sendKeys("Red is my colour");
            browser.find("#save-profile").click();
            browser.waitUntil(d -> d.findElements(By.id("profile-editor")).isEmpty());
            WebElement avatar = browser.find("#profile-avatar");
            assertThat(avatar.getDomAttribute("src")).contains("/avatar?v=");
            browser.waitUntil(d -> Long.valueOf(256).equals(browser.script("return arguments[0].complete ? arguments[0].naturalWidth : 0", avatar)));
            Object pixel = browser.script("const img = arguments[0]; const c = document.createElement('canvas');"
                    + "c.width = img.naturalWidth; c.height = img.naturalHeight; const x = c.getContext('2d');"
                    + "x.drawImage(img, 0, 0); return Array.from(x.getImageData(128, 128, 1, 1).data).slice(0, 3);", avatar);
            assertThat(pixel.toString()).as("the uploaded red picture, re-encoded").matches("\\[2[0-9]{2}, [0-9]{1,2}, [0-9]{1,2}\\]");
            assertThat(browser.find(".profile-bio").getText()).isEqualTo("Red is my colour");
        } finally {
            Files.deleteIfExists(picture);
        }
    }

    /** The profile re-renders after a follow: read the button afresh each time instead of holding an element. */
    private static void awaitFollowButton(Browser browser, String text) {
        browser.waitUntil(d -> text.equals(browser.script("return document.getElementById('follow-toggle')?.textContent")));
    }

    private void signIn(Browser browser, String username) {
        browser.open("/signin");
        browser.find("#username").sendKeys(username);
        browser.find("#password").sendKeys(WebPages.PASSWORD);
        browser.find("button[type=submit]").click();
        browser.waitUntil(d -> username.equals(d.findElement(By.cssSelector("[data-testid=signed-in-as]")).getText()));
    }
}
