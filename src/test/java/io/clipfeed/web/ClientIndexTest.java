package io.clipfeed.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientIndexTest {

    private static final String BUILT = """
            <!doctype html>
            <html lang="en">
              <head>
                <meta charset="utf-8" />
                <title>Clipfeed</title>
                <script type="module" crossorigin src="/assets/index-abc.js"></script>
                <link rel="stylesheet" crossorigin href="/assets/index-def.css">
              </head>
              <body>
                <main id="main"></main>
              </body>
            </html>
            """;

    @Test
    void addsToTheHeadBeforeScriptsAndStylesAndToBothEndsOfTheBody() {
        String page = new ClientIndex(BUILT).render("<!--head-->", "<!--start-->", "<!--end-->");
        assertThat(page).containsSubsequence("<meta charset=\"utf-8\" /><!--head-->", "<title>", "index-abc.js",
                "index-def.css", "<body><!--start-->", "<main id=\"main\"></main>", "<!--end--></body>", "</html>");
        assertThat(page.replace("<!--head-->", "").replace("<!--start-->", "").replace("<!--end-->", ""))
                .isEqualTo(BUILT);
    }
}
