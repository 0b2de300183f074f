package io.clipfeed.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

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
            assertThatThrownBy(() -> Cursor.decode(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
