package io.clipfeed.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RungPruningTest {

    @Test
    void keepsRungsThatAreDistinctlyMoreExpensive() {
        assertThat(RungPruning.keep(List.of(500_000L, 900_000L, 1_600_000L))).containsExactly(0, 1, 2);
    }

    @Test
    void dropsARungWithinFifteenPercentOfTheOneBelow() {
        assertThat(RungPruning.keep(List.of(500_000L, 540_000L, 1_000_000L))).containsExactly(0, 2);
    }

    @Test
    void comparesWithTheLastKeptRungNotTheDroppedOne() {
        assertThat(RungPruning.keep(List.of(500_000L, 560_000L, 570_000L, 700_000L))).containsExactly(0, 3);
    }

    @Test
    void alwaysKeepsTheLowestRung() {
        assertThat(RungPruning.keep(List.of(300_000L))).containsExactly(0);
    }
}
