package io.clipfeed.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteRangeTest {

    @ParameterizedTest
    @CsvSource({"bytes=0-99, 0, 99", "bytes=100-, 100, 999", "bytes=-100, 900, 999", "bytes=-5000, 0, 999",
            "bytes=990-5000, 990, 999", "BYTES=1-1, 1, 1", "' bytes=5-9 ', 5, 9", "'bytes= 5-9 ,', 5, 9",
            "'bytes=0-0,2000-', 0, 0", "bytes=0-99999999999999999999999, 0, 999"})
    void resolvesOneSatisfiableRange(String header, long first, long last) {
        assertThat(ByteRange.of(header, 1000)).isEqualTo(new ByteRange.Part(first, last));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=1000-", "bytes=-0", "bytes=5000-6000", "bytes=1000-1000,2000-",
            "bytes=99999999999999999999-"})
    void findsNothingSatisfiablePastTheEnd(String header) {
        assertThat(ByteRange.of(header, 1000)).isInstanceOf(ByteRange.Unsatisfiable.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bytes=", "bytes=abc", "bytes=5-3", "items=0-1", "bytes=--1", "bytes=0-1-2",
            "bytes 0-1", "bytes=0x1-2", "bytes=-", "bytes=,", "=0-1", "bytes=+1-2", "bytes=1-2,x"})
    void ignoresMalformedHeaders(String header) {
        assertThat(ByteRange.of(header, 1000)).isInstanceOf(ByteRange.Whole.class);
    }

    @Test
    void resolvesSeveralSeparateRangesToPartsInTheOrderAsked() {
        assertThat(ByteRange.of("bytes=500-599,0-1,-10", 1000)).isEqualTo(new ByteRange.Parts(List.of(
                new ByteRange.Part(500, 599), new ByteRange.Part(0, 1), new ByteRange.Part(990, 999))));
        assertThat(ByteRange.of("bytes=0-1,2-3", 1000)).as("adjacent, not overlapping")
                .isEqualTo(new ByteRange.Parts(List.of(new ByteRange.Part(0, 1), new ByteRange.Part(2, 3))));
        assertThat(ByteRange.of("bytes=0-1,5000-,7-8", 1000)).as("the unsatisfiable one is dropped")
                .isEqualTo(new ByteRange.Parts(List.of(new ByteRange.Part(0, 1), new ByteRange.Part(7, 8))));
        String sixteen = "bytes=" + String.join(",", java.util.stream.IntStream.range(0, 16)
                .mapToObj(i -> (i * 10) + "-" + (i * 10 + 4)).toList());
        assertThat(ByteRange.of(sixteen, 1000)).isInstanceOfSatisfying(ByteRange.Parts.class,
                p -> assertThat(p.parts()).hasSize(ByteRange.MAX_RANGES));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=0-99,50-149", "bytes=0-99,0-99", "bytes=100-199,-950", "bytes=0-,500-501",
            "bytes=10-20,30-40,15-16"})
    void answersOverlappingRangesWithTheWhole(String header) {
        assertThat(ByteRange.of(header, 1000)).isInstanceOf(ByteRange.Whole.class);
    }

    @Test
    void answersTooManyRangesAndAbsurdHeadersWithTheWhole() {
        String seventeen = "bytes=" + String.join(",", java.util.stream.IntStream.range(0, 17)
                .mapToObj(i -> (i * 10) + "-" + (i * 10 + 4)).toList());
        assertThat(ByteRange.of(seventeen, 1000)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.of("bytes=" + "0-1,".repeat(40) + "0-1", 1000)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.of("bytes=0-" + "9".repeat(2000), 1000)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.of(null, 1000)).isInstanceOf(ByteRange.Whole.class);
    }

    @Test
    void findsNothingSatisfiableInAnEmptyFile() {
        assertThat(ByteRange.of("bytes=0-", 0)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.of("bytes=-1", 0)).isInstanceOf(ByteRange.Unsatisfiable.class);
    }
}
