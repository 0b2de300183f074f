package io.clipfeed.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import io.clipfeed.Browser;
import io.clipfeed.IntegrationTestBase;

/**
 * Every page on a phone-sized screen: nothing scrolls sideways, every form control has a label, the keyboard
 * reaches the skip link first and focus is visible. Leaves a screenshot of each page in target/screenshots.
 */
@io.clipfeed.BrowserTest
class WebLayoutIT extends IntegrationTestBase {

    private static final Path SHOTS = Path.of("target/screenshots");

    /** Form controls with neither a label element nor an aria-label, and images without alt text. */
    private static final String UNLABELLED = """
            return [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                .filter(e => e.labels.length === 0 && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
                .map(e => e.outerHTML)
                .concat([...document.querySelectorAll('img:not([alt])')].map(e => e.outerHTML));""";

    private static final String WIDER_THAN_SCREEN = """
            const w = document.documentElement.clientWidth;
            return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w)
                .map(e => e.tagName + '#' + e.id + '.' + e.className).join(', ');""";

    @Test
    void everyPageFitsAPhoneAndEveryControlIsLabelled() {
        try (Browser browser = Browser.mobile("http://localhost:" + port)) {
            checkPage(browser, "/", "home");
            checkPage(browser, "/signin", "signin");
            checkPage(browser, "/signup", "signup");
            new WebPages(browser).signUp("web_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10));
            checkPage(browser, "/upload", "upload");
            checkPage(browser, "/me/videos", "my-videos");
        }
    }

    @Test
    void theKeyboardReachesTheSkipLinkFirstAndSeesWhereFocusIs() {
        try (Browser browser = Browser.mobile("http://localhost:" + port)) {
            browser.open("/signin");
            browser.find("#username");
            browser.find("body").sendKeys(Keys.TAB);
            WebElement focused = browser.driver().switchTo().activeElement();
            assertThat(focused.getText()).isEqualTo("Skip to content");
            assertThat(focused.getCssValue("top")).isNotEqualTo("-48px");

            browser.find("#username").sendKeys("");
            String outline = (String) browser.script(
                    "return getComputedStyle(document.activeElement).outlineStyle");
            assertThat(outline).as("focus outline of the username field").isNotEqualTo("none");
        }
    }

    private static void checkPage(Browser browser, String path, String name) {
        browser.open(path);
        browser.find("main h1");
        browser.waitUntil(d -> browser.script("return document.querySelector('[aria-busy=true]') === null"));
        Number overflow = (Number) browser.script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow.intValue()).as("sideways overflow on %s, past the right edge: %s", path,
                browser.script(WIDER_THAN_SCREEN)).isLessThanOrEqualTo(0);
        assertThat((List<?>) browser.script(UNLABELLED)).as("unlabelled controls on %s", path).isEmpty();
        browser.screenshot(SHOTS.resolve(name + ".png"));
    }
}
