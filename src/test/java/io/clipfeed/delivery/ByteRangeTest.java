package io.clipfeed.delivery;

import static org.assertj.core.api.Assertions.assertThat;

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
    void answersSeveralRangesAndAbsurdHeadersWithTheWhole() {
        assertThat(ByteRange.of("bytes=0-1,5-6", 1000)).isInstanceOf(ByteRange.Whole.class);
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
