package io.clipfeed.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
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
 * The swipe feed and the page around it for someone using the keyboard and a screen reader, in headless Chromium:
 * Tab stays on the slide on screen, a swipe is announced, the skip links move focus where they say.
 */
@io.clipfeed.BrowserTest
class FeedKeyboardIT extends IntegrationTestBase {

    private static final Duration GENEROUS = Duration.ofSeconds(120);

    private String publish(String creatorName, String title) throws IOException {
        String creator = accounts.ensure(creatorName, WebPages.PASSWORD, Set.of(Role.USER)).id();
        Video video = catalog.create(new NewVideo(creator, title, "", Visibility.PUBLIC, "cup.mp4"));
        Blob blob = blobs.put(SampleClips.path("cup.mp4"), "video/mp4");
        catalog.markUploaded(video.id(), blob.key().sha256(), blob.size());
        return video.id();
    }

    private void awaitPublished(List<String> ids) {
        Awaitility.await().atMost(GENEROUS).pollInterval(Duration.ofMillis(200)).until(() -> ids.stream()
                .allMatch(id -> catalog.find(id).orElseThrow().status() == VideoStatus.PUBLISHED));
    }

    /** Where focus is: the id of the slide holding it (or null), and whether it is in the navigation. */
    private static final String FOCUS = "const a = document.activeElement;"
            + " return {slide: a.closest('.player-slide')?.dataset.videoId ?? null, nav: !!a.closest('nav'),"
            + " what: a.tagName + ' ' + (a.getAttribute('aria-label') ?? a.textContent.trim())};";

    @Test
    void tabNeverReachesAnOffScreenSlideAndTheVideoOnScreenIsAnnounced() throws Exception {
        List<String> creators = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            creators.add("kc_" + TestUsers.randomHex(5));
            ids.add(publish(creators.get(i), "Keys " + i));
        }
        awaitPublished(ids);
        try (Browser browser = Browser.mobile("http://localhost:" + port)) {
            browser.open("/?feed=latest");
            // newest first: Keys 2, Keys 1, Keys 0; every slide has its rail of buttons
            browser.waitUntil(d -> ids.get(2).equals(browser.script(
                    "return document.querySelector('.player-slide')?.dataset.videoId")), GENEROUS);
            browser.waitUntil(d -> (Boolean) browser.script("const s = [...document.querySelectorAll('.player-slide')];"
                    + " return s.length >= 3 && s.every(x => x.querySelectorAll('.social-rail button').length > 0)"));
            browser.find(".player").sendKeys(Keys.ARROW_DOWN);
            browser.waitUntil(d -> "1".equals(browser.script("return document.querySelector('.player-track').dataset.current")));
            String current = ids.get(1);
            browser.waitUntil(d -> ("Keys 1, by @" + creators.get(1)).equals(
                    browser.script("return document.getElementById('feed-now').textContent")));
            assertThat(browser.script("return document.getElementById('feed-now').getAttribute('aria-live')"))
                    .isEqualTo("polite");

            List<Map<?, ?>> stops = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
                stops.add((Map<?, ?>) browser.script(FOCUS));
            }
            assertThat(stops).as("Tab stops").allSatisfy(stop -> assertThat(stop.get("slide")).as(stop.toString())
                    .isIn(null, current));
            assertThat(stops).as("Tab reaches the slide on screen").anyMatch(stop -> current.equals(stop.get("slide")));
            assertThat(stops).as("and goes past it to the navigation").anyMatch(stop -> Boolean.TRUE.equals(stop.get("nav")));
        }
    }

    @Test
    void theSkipLinkToTheNavigationMovesFocusThereAndLeavesThePageAsItIs() {
        try (Browser browser = Browser.mobile("http://localhost:" + port)) {
            browser.open("/signin");
            browser.find("#username");
            browser.script("document.querySelector('main form').dataset.mark = 'before'");
            browser.find("body").sendKeys(Keys.TAB);
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            assertThat(browser.script("return document.activeElement.textContent")).isEqualTo("Skip to navigation");
            new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
            assertThat(browser.script("return document.activeElement.id")).isEqualTo("tabbar");
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            assertThat(browser.script("return document.activeElement.closest('nav')?.id")).isEqualTo("tabbar");
            assertThat(browser.script("return document.querySelector('main form')?.dataset.mark"))
                    .as("the page was not rendered again").isEqualTo("before");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/signin");
        }
    }

    /**
     * axe-core (a devDependency of the client, installed by the build's {@code npm ci}) over the feed screen with a
     * video playing and its rail ready: no serious or critical violation of WCAG 2 A/AA rules.
     */
    @Test
    void theFeedScreenHasNoSeriousOrCriticalAccessibilityViolations() throws Exception {
        String id = publish("ax_" + TestUsers.randomHex(5), "Checked by axe");
        awaitPublished(List.of(id));
        String axe = Files.readString(Path.of("src/main/web/node_modules/axe-core/axe.min.js"));
        try (Browser browser = Browser.mobile("http://localhost:" + port)) {
            browser.open("/?feed=latest");
            browser.waitUntil(d -> "true".equals(browser.script("return document.querySelector(\".player-slide[data-video-id='"
                    + id + "']\")?.dataset.socialReady")), GENEROUS);
            // through the driver, so the page's Content-Security-Policy does not apply to the injected script
            browser.script(axe);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> violations = (List<Map<String, Object>>) ((JavascriptExecutor) browser.driver())
                    .executeAsyncScript("const done = arguments[arguments.length - 1];"
                            + " axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                            + ".then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                            + ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))),"
                            + " e => done([{id: 'axe failed', impact: String(e)}]))");
            assertThat(violations).as("serious and critical axe violations on the feed").isEmpty();
        }
    }
}
