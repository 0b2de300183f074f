package io.clipfeed.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class InlineJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void userTextCannotCloseTheScriptElementYetReadsBackUnchanged() {
        String title = "</script><script>alert(1)</script> <!-- a & b > c \u2028\u2029 \"q\" é 🎬";
        String inline = InlineJson.escape(JSON.writeValueAsString(Map.of("title", title)));
        assertThat(inline).doesNotContain("<", ">", "&", "\u2028", "\u2029");
        assertThat(inline.toLowerCase()).doesNotContain("</script", "<!--");
        assertThat(JSON.readTree(inline).get("title").asString()).isEqualTo(title);
    }

    @Test
    void leavesOrdinaryJsonAsItIs() {
        String json = "{\"a\":[1,2.5,true,null],\"b\":\"plain text / with slash\"}";
        assertThat(InlineJson.escape(json)).isEqualTo(json);
    }
}
