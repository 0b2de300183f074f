package io.clipfeed.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class PageRoutesTest {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new PageRoutes()).build();

    @ParameterizedTest
    @ValueSource(strings = {"/signin", "/signup", "/upload", "/me/videos", "/notifications", "/@mila_v", "/@a.b.c",
            "/u/0123456789abcdef"})
    void reloadingAClientPageServesTheClient(String path) throws Exception {
        mvc.perform(get(path)).andExpect(status().isOk()).andExpect(forwardedUrl("/index.html"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/uploads", "/me", "/signin/extra", "/api/v1/nothing", "/@x", "/u/../etc", "/@mila/extra"})
    void otherPathsAreNotTheClient(String path) throws Exception {
        mvc.perform(get(path)).andExpect(status().isNotFound());
    }
}
