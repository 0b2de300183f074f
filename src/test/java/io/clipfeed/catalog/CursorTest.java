package io.clipfeed.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.clipfeed.platform.ApiProblem;
import io.clipfeed.platform.Ids;

class CursorTest {

    @Test
    void roundTrips() {
        Cursor c = new Cursor(Instant.parse("2026-11-29T07:00:00.123456Z"), Ids.newId());
        assertThat(Cursor.decode(c.encode())).isEqualTo(c);
        assertThat(Cursor.decode(null)).isNull();
    }

    @Test
    void refusesAnythingElse() {
        for (String bad : new String[] {"%%%", "bm90LWEtY3Vyc29y", "MTox", "a".repeat(300),
                java.util.Base64.getUrlEncoder().encodeToString("1:2:../../etc".getBytes())}) {
            // a 400 problem, as a malformed cursor is on every route (one codec: platform.PageCursor)
            assertThatThrownBy(() -> Cursor.decode(bad)).as(bad).isInstanceOfSatisfying(ApiProblem.class,
                    p -> assertThat(p.getStatusCode().value()).isEqualTo(400));
        }
    }
}
