package io.clipfeed.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.clipfeed.Browser;
import io.clipfeed.IntegrationTestBase;

/** The bundled web client as the server delivers it: from the application itself, with sensible caching. */
class WebClientIT extends IntegrationTestBase {

    private static final Pattern SCRIPT = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"");
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheClientAtTheRootAndAtEveryClientPage() throws Exception {
        for (String path : new String[] {"/", "/signin", "/signup", "/upload", "/me/videos"}) {
            HttpResponse<String> page = get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
            assertThat(page.body()).as("built client (run the build without -Dskip.npm)").containsPattern(SCRIPT);
            assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                    .contains("script-src 'self' " + BootScript.CSP_HASH + ";").doesNotContain("unsafe");
        }
    }

    @Test
    void bundledScriptsAreServedLocallyAndCachedForever() throws Exception {
        // the root carries signed, per-viewer URLs (its inline feed): never stored; the other pages revalidate
        assertThat(get("/").headers().firstValue("Cache-Control")).get().asString().contains("no-store");
        HttpResponse<String> index = get("/signin");
        assertThat(index.headers().firstValue("Cache-Control")).get().asString().contains("no-cache");
        assertThat(index.body()).doesNotContainPattern("(src|href)=\"(https?:)?//");
        Matcher script = SCRIPT.matcher(index.body());
        assertThat(script.find()).as("script tag in index.html").isTrue();

        HttpResponse<String> bundle = get(script.group(1));
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.headers().firstValue("Content-Type")).get().asString().contains("javascript");
        assertThat(bundle.headers().firstValue("Cache-Control")).get().asString()
                .contains("max-age=31536000").contains("immutable");
        assertThat(bundle.body()).contains("Upload-Metadata");
    }

    @Test
    void pathsThatAreNoPageStayNotFound() throws Exception {
        assertThat(get("/no-such-page").statusCode()).isEqualTo(404);
        assertThat(get("/assets/no-such-file.js").statusCode()).isEqualTo(404);
    }

    @Test
    @io.clipfeed.BrowserTest
    void anUnknownPageIsTheAppWithItsNotFoundScreenAndAnUnknownApiPathAProblem() throws Exception {
        for (String path : new String[] {"/search", "/tag/cats", "/no-such-page"}) {
            HttpResponse<String> page = get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
            assertThat(page.body()).as("the client's shell").containsPattern(SCRIPT).contains("<nav");
            assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                    .contains("script-src 'self'").doesNotContain("unsafe");
        }
        HttpResponse<String> api = get("/api/v1/no-such-thing");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(api.body()).contains("\"status\":404").doesNotContain("<html");

        try (Browser browser = Browser.mobile("http://localhost:" + port)) {
            browser.open("/tag/cats");
            assertThat(browser.find("#not-found h1").getText()).isEqualTo("Page not found");
            assertThat(browser.driver().getTitle()).startsWith("Not found");
            browser.find("#not-found a[href='/']").click();
            browser.waitUntil(d -> d.getCurrentUrl().endsWith(":" + port + "/"));
            assertThat(browser.find("main h1").getText()).isEqualTo("For you");
        }
    }
}
