package io.clipfeed.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class PageCursorTest {

    @Test
    void roundTripsScoreTimeToTheNanosecondAndId() {
        PageCursor c = new PageCursor(42, Instant.parse("2026-12-07T18:00:00.123456789Z"), Ids.newId());
        assertThat(PageCursor.decode(c.encode())).isEqualTo(c);
        assertThat(c.encode()).matches("[A-Za-z0-9_-]+");
        assertThat(PageCursor.decode(null)).isNull();
        assertThat(PageCursor.decode("")).isNull();
    }

    @Test
    void anythingNotOursIsA400Problem() {
        String id = Ids.newId();
        for (String bad : new String[] {"%%%", "garbage", "x".repeat(300), encode("1:2:3"),
                encode("0:1:2:../../etc"), encode("zero:1:2:" + id), encode("0:99999999999999999999:0:" + id),
                encode("0:1:-5:" + id)}) {
            assertThatThrownBy(() -> PageCursor.decode(bad)).as(bad).isInstanceOfSatisfying(ApiProblem.class, p -> {
                assertThat(p.getStatusCode().value()).isEqualTo(400);
                assertThat(p.getBody().getDetail()).isEqualTo("The cursor is not valid; start again without it.");
            });
        }
    }

    private static String encode(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}
