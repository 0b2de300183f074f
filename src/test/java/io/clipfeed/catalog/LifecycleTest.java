package io.clipfeed.catalog;

import static io.clipfeed.catalog.VideoStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class LifecycleTest {

    /** The whole table, written out independently of the implementation. */
    private static final Map<VideoStatus, Set<VideoStatus>> ALLOWED = Map.of(
            UPLOADING, EnumSet.of(UPLOADED, FAILED, DELETED),
            UPLOADED, EnumSet.of(PROCESSING, FAILED, REJECTED, DELETED),
            PROCESSING, EnumSet.of(PLAYABLE, FAILED, REJECTED, DELETED),
            PLAYABLE, EnumSet.of(PUBLISHED, REJECTED, DELETED),
            PUBLISHED, EnumSet.of(REJECTED, DELETED),
            REJECTED, EnumSet.of(PUBLISHED, DELETED),
            FAILED, EnumSet.of(PROCESSING, DELETED),
            DELETED, EnumSet.noneOf(VideoStatus.class));

    @Test
    void allowsExactlyTheTransitionsOfTheLifecycle() {
        for (VideoStatus from : VideoStatus.values()) {
            for (VideoStatus to : VideoStatus.values()) {
                assertThat(Lifecycle.allows(from, to)).as(from + " -> " + to)
                        .isEqualTo(ALLOWED.get(from).contains(to));
            }
        }
    }

    @Test
    void refusesEveryIllegalTransitionWithBothStatusesNamed() {
        for (VideoStatus from : VideoStatus.values()) {
            for (VideoStatus to : VideoStatus.values()) {
                if (!ALLOWED.get(from).contains(to)) {
                    assertThatThrownBy(() -> Lifecycle.check(from, to, "some reason"))
                            .isInstanceOf(IllegalTransitionException.class)
                            .hasMessageContaining(from.name()).hasMessageContaining(to.name());
                }
            }
        }
    }

    @Test
    void failingAndRejectingNeedAReason() {
        assertThatThrownBy(() -> Lifecycle.check(PROCESSING, FAILED, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Lifecycle.check(PUBLISHED, REJECTED, null))
                .isInstanceOf(IllegalArgumentException.class);
        Lifecycle.check(PROCESSING, FAILED, "The file is not a video.");
        Lifecycle.check(PROCESSING, PLAYABLE, null);
    }

    @Test
    void deletedIsFinalAndEverythingElseCanBeDeleted() {
        for (VideoStatus from : VideoStatus.values()) {
            assertThat(Lifecycle.allows(DELETED, from)).isFalse();
            assertThat(Lifecycle.allows(from, DELETED)).isEqualTo(from != DELETED);
        }
    }
}
