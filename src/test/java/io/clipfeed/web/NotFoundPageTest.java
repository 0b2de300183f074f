package io.clipfeed.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class NotFoundPageTest {

    private static final String INDEX = "<html><head><meta charset=\"utf-8\"></head><body><main id=\"main\"></main></body></html>";

    private final MediaOrigin media = new MediaOrigin(false, "", List.of("*"), new WebSettings(""));
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new PageRoutes(new ClientIndex(INDEX), media))
            .setControllerAdvice(new NotFoundPage(new ClientIndex(INDEX), media, new ClientSecurityHeaders(media)))
            .build();

    @ParameterizedTest
    @ValueSource(strings = {"/search", "/tag/cats", "/no-such-page", "/@x", "/signin/extra", "/api-docs-of-nothing"})
    void anUnknownPageIsTheClientAnswered404(String path) throws Exception {
        mvc.perform(get(path).accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("<main id=\"main\">")))
                .andExpect(header().string("Content-Security-Policy", ClientSecurityHeaders.POLICY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/nothing", "/api", "/media/v/x", "/assets/no-such-file.js", "/actuator/nothing",
            "/v3/nothing"})
    void anUnknownPathForProgramsStaysAProblem(String path) throws Exception {
        mvc.perform(get(path)).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/search", "/no-such-page"})
    void onlyReadingGetsThePage(String path) throws Exception {
        mvc.perform(post(path)).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
