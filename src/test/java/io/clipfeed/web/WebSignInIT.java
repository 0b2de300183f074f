package io.clipfeed.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

import io.clipfeed.Browser;
import io.clipfeed.IntegrationTestBase;
import io.clipfeed.TestUsers;

/** Accounts in the web client, in headless Chromium: sign up, sign out, sign in, and pages that need an account. */
@io.clipfeed.BrowserTest
class WebSignInIT extends IntegrationTestBase {

    private static String freshUsername() {
        return "web_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    @Test
    void signingUpKeepsTheSessionInAnHttpOnlyCookieThatSigningOutRevokes() throws Exception {
        try (Browser browser = Browser.mobile("http://localhost:" + port)) {
            new WebPages(browser).signUp(freshUsername());
            Cookie session = browser.driver().manage().getCookieNamed("clipfeed_session");
            assertThat(session).as("session cookie").isNotNull();
            assertThat(session.isHttpOnly()).isTrue();
            assertThat((String) browser.script("return document.cookie")).doesNotContain(session.getValue());
            assertThat((String) browser.script("return JSON.stringify(localStorage)"))
                    .doesNotContain(session.getValue());
            assertThat(meWithCookie(session.getValue())).isEqualTo(200);

            browser.find("#account button").click();
            browser.find("#account a[href='/signin']");
            assertThat(meWithCookie(session.getValue())).as("old session after signing out").isEqualTo(401);
        }
    }

    @Test
    void aPageThatNeedsAnAccountSendsTheVisitorToSignInAndBackAfterwards() {
        String username = freshUsername();
        try (Browser browser = Browser.mobile("http://localhost:" + port)) {
            WebPages pages = new WebPages(browser);
            pages.signUp(username);
            browser.find("#account button").click();
            browser.find("#account a[href='/signin']");

            browser.open("/me/videos");
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/signin?next=%2Fme%2Fvideos"));
            browser.find("#username").sendKeys(username);
            browser.find("#password").sendKeys("not the password at all");
            browser.find("button[type=submit]").click();
            assertThat(browser.find("#auth-error").getText()).isNotBlank();
            assertThat(browser.driver().getCurrentUrl()).contains("/signin");

            browser.find("#password").sendKeys(WebPages.PASSWORD);
            browser.find("button[type=submit]").click();
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/me/videos"));
            assertThat(browser.find("h1").getText()).isEqualTo("My videos");
        }
    }

    @Test
    void aSignUpRefusedForATakenUsernameKeepsThePasswordTyped() {
        String taken = TestUsers.register(port).username();
        try (Browser browser = Browser.mobile("http://localhost:" + port)) {
            browser.open("/signup");
            browser.find("#username").sendKeys(taken);
            browser.find("#password").sendKeys(WebPages.PASSWORD);
            browser.find("button[type=submit]").click();
            assertThat(browser.find("#auth-error").getText()).isNotBlank();
            assertThat(browser.script("return document.getElementById('password').value")).isEqualTo(WebPages.PASSWORD);

            // a new username is enough to go on
            browser.find("#username").clear();
            String username = freshUsername();
            browser.find("#username").sendKeys(username);
            browser.find("button[type=submit]").click();
            browser.waitUntil(d -> username.equals(d.findElement(By.cssSelector("[data-testid=signed-in-as]")).getText()));
        }
    }

    @Test
    void anAnonymousVisitorsPagesDoNotAskWhoIsSignedIn() {
        String me = "return performance.getEntriesByType('resource').filter(e => e.name.includes('/api/v1/auth/me')).length";
        try (Browser browser = Browser.mobile("http://localhost:" + port)) {
            for (String path : new String[] {"/", "/signin", "/no-such-page"}) {
                browser.open(path);
                browser.find("main h1");
                browser.find("#account a[href='/signin']");
                assertThat(browser.script(me)).as("/api/v1/auth/me requests on %s", path).isEqualTo(0L);
            }
            // once signed in, a fresh page does check the session cookie
            String username = freshUsername();
            new WebPages(browser).signUp(username);
            browser.open("/signin");
            browser.waitUntil(d -> (Long) browser.script(me) > 0);
            assertThat(browser.find("[data-testid=signed-in-as]").getText()).isEqualTo(username);
        }
    }

    private int meWithCookie(String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/me"))
                .header("Cookie", "clipfeed_session=" + token).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
