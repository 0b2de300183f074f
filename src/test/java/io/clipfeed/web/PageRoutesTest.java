package io.clipfeed.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class PageRoutesTest {

    private static final String INDEX = "<html><head><meta charset=\"utf-8\"></head><body></body></html>";

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new PageRoutes(new ClientIndex(INDEX),
            new MediaOrigin(false, "", List.of("*"), new WebSettings("")))).build();

    @ParameterizedTest
    @ValueSource(strings = {"/signin", "/signup", "/upload", "/me/videos", "/notifications", "/@mila_v", "/@a.b.c",
            "/u/0123456789abcdef"})
    void reloadingAClientPageServesTheClient(String path) throws Exception {
        mvc.perform(get(path)).andExpect(status().isOk()).andExpect(forwardedUrl("/index.html"));
    }

    @Test
    void withACorsMediaEdgeTheClientPageNamesItsOrigin() throws Exception {
        MockMvc edged = MockMvcBuilders.standaloneSetup(new PageRoutes(new ClientIndex(INDEX),
                new MediaOrigin(true, "https://media.example/", List.of("*"), new WebSettings("")))).build();
        edged.perform(get("/upload")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<meta name=\"clipfeed-cors-media\" content=\"https://media.example\">")));
        // an edge that does not answer CORS to this page's origin is not named
        MockMvc closed = MockMvcBuilders.standaloneSetup(new PageRoutes(new ClientIndex(INDEX),
                new MediaOrigin(true, "https://media.example", List.of("https://other.example"), new WebSettings("")))).build();
        closed.perform(get("/upload")).andExpect(forwardedUrl("/index.html"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/uploads", "/me", "/signin/extra", "/api/v1/nothing", "/@x", "/u/../etc", "/@mila/extra"})
    void otherPathsAreNotTheClient(String path) throws Exception {
        mvc.perform(get(path)).andExpect(status().isNotFound());
    }
}
