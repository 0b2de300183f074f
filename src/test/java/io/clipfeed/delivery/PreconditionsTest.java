package io.clipfeed.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class PreconditionsTest {

    static final String TAG = "\"abc\"";
    static final Instant MODIFIED = Instant.parse("2026-11-01T10:00:00Z");

    @Test
    void ifNoneMatchUsesWeakComparisonOverAList() {
        assertThat(Preconditions.notModified(TAG, null, TAG, MODIFIED)).isTrue();
        assertThat(Preconditions.notModified("W/\"abc\"", null, TAG, MODIFIED)).isTrue();
        assertThat(Preconditions.notModified("\"x\" , \"abc\"", null, TAG, MODIFIED)).isTrue();
        assertThat(Preconditions.notModified("*", null, TAG, MODIFIED)).isTrue();
        assertThat(Preconditions.notModified("\"abcd\"", null, TAG, MODIFIED)).isFalse();
    }

    @Test
    void ifNoneMatchTakesPrecedenceOverIfModifiedSince() {
        assertThat(Preconditions.notModified("\"other\"", "Sun, 01 Nov 2026 10:00:00 GMT", TAG, MODIFIED))
                .isFalse();
        assertThat(Preconditions.notModified(null, "Sun, 01 Nov 2026 10:00:00 GMT", TAG, MODIFIED)).isTrue();
        assertThat(Preconditions.notModified(null, "Sun, 01 Nov 2026 09:59:59 GMT", TAG, MODIFIED)).isFalse();
        assertThat(Preconditions.notModified(null, "yesterday", TAG, MODIFIED)).isFalse();
    }

    @Test
    void ifRangeNeedsAStrongTagOrTheExactDate() {
        assertThat(Preconditions.rangeApplies(null, TAG, MODIFIED)).isTrue();
        assertThat(Preconditions.rangeApplies(TAG, TAG, MODIFIED)).isTrue();
        assertThat(Preconditions.rangeApplies("W/" + TAG, TAG, MODIFIED)).isFalse();
        assertThat(Preconditions.rangeApplies("Sun, 01 Nov 2026 10:00:00 GMT", TAG, MODIFIED)).isTrue();
        assertThat(Preconditions.rangeApplies("Sun, 01 Nov 2026 10:00:01 GMT", TAG, MODIFIED)).isFalse();
        assertThat(Preconditions.rangeApplies("garbage", TAG, MODIFIED)).isFalse();
    }

    @Test
    void writesImfFixdate() {
        assertThat(Preconditions.httpDate(Instant.parse("2026-11-01T08:05:09Z")))
                .isEqualTo("Sun, 01 Nov 2026 08:05:09 GMT");
    }
}
