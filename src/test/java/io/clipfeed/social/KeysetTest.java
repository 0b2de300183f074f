package io.clipfeed.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.clipfeed.platform.ApiProblem;

class KeysetTest {

    @Test
    void roundTripsScoreTimeAndId() {
        Keyset k = new Keyset(7, Instant.parse("2026-11-29T10:00:00.123456Z"), "abcdefgh1234");
        assertThat(Keyset.decode(k.encode())).isEqualTo(k);
        assertThat(Keyset.decode(null)).isNull();
    }

    @Test
    void refusesCursorsThatAreNotOurs() {
        assertThatThrownBy(() -> Keyset.decode("garbage")).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> Keyset.decode("x".repeat(300))).isInstanceOf(ApiProblem.class);
        String badId = java.util.Base64.getUrlEncoder().encodeToString("1:2:3:../etc".getBytes());
        assertThatThrownBy(() -> Keyset.decode(badId)).isInstanceOf(ApiProblem.class);
    }

    @Test
    void excerptsAreShortenedByCodePoints() {
        assertThat(Notifications.excerpt("short")).isEqualTo("short");
        String longText = "😀".repeat(100);
        assertThat(Notifications.excerpt(longText)).hasSize(79 * 2 + 1).endsWith("…");
    }
}
