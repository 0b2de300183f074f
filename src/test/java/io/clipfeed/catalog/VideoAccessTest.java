package io.clipfeed.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.clipfeed.platform.CurrentUser;
import io.clipfeed.platform.Role;

/** The one visibility rule, state by state: what its creator, staff and everyone else may see and find listed. */
class VideoAccessTest {

    private static final CurrentUser CREATOR = new CurrentUser("creator", "c", Set.of(Role.USER));
    private static final CurrentUser OTHER = new CurrentUser("other", "o", Set.of(Role.USER));
    private static final CurrentUser MODERATOR = new CurrentUser("mod", "m", Set.of(Role.USER, Role.MODERATOR));

    private static Video video(VideoStatus status, Visibility visibility) {
        return new Video("v", "creator", "t", "", List.of(), visibility, status, null, null, null, null, null, null,
                0, List.of(), null, null);
    }

    @ParameterizedTest
    @EnumSource(VideoStatus.class)
    void othersSeeOnlyPublishedVideosThatAreNotPrivate(VideoStatus status) {
        for (Visibility visibility : Visibility.values()) {
            Video v = video(status, visibility);
            boolean open = status == VideoStatus.PUBLISHED && visibility != Visibility.PRIVATE;
            assertThat(VideoAccess.canView(v, (CurrentUser) null)).as("%s %s anonymous", status, visibility)
                    .isEqualTo(open);
            assertThat(VideoAccess.canView(v, OTHER)).as("%s %s other", status, visibility).isEqualTo(open);
            assertThat(VideoAccess.isOpen(v)).isEqualTo(open);
        }
    }

    @ParameterizedTest
    @EnumSource(VideoStatus.class)
    void creatorAndStaffSeeEverythingButDeletedVideos(VideoStatus status) {
        for (Visibility visibility : Visibility.values()) {
            Video v = video(status, visibility);
            assertThat(VideoAccess.canView(v, CREATOR)).isEqualTo(status != VideoStatus.DELETED);
            assertThat(VideoAccess.canView(v, MODERATOR)).isEqualTo(status != VideoStatus.DELETED);
        }
    }

    @Test
    void aVideoWaitingForReviewIsTheCreatorsAndStaffsAlone() {
        Video waiting = video(VideoStatus.PLAYABLE, Visibility.PUBLIC);
        assertThat(VideoAccess.canView(waiting, java.util.Optional.empty())).isFalse();
        assertThat(VideoAccess.canView(waiting, java.util.Optional.of(OTHER))).isFalse();
        assertThat(VideoAccess.canView(waiting, java.util.Optional.of(CREATOR))).isTrue();
        assertThat(VideoAccess.isOpen(waiting)).isFalse();
        assertThat(VideoAccess.isListed(waiting)).isFalse();
    }

    @Test
    void unlistedVideosAreReachableByIdButNeverListedForOthers() {
        Video unlisted = video(VideoStatus.PUBLISHED, Visibility.UNLISTED);
        assertThat(VideoAccess.canView(unlisted, OTHER)).isTrue();
        assertThat(VideoAccess.isListed(unlisted)).isFalse();
        assertThat(VideoAccess.isListedFor(unlisted, OTHER)).isFalse();
        assertThat(VideoAccess.isListedFor(unlisted, null)).isFalse();
        assertThat(VideoAccess.isListedFor(unlisted, CREATOR)).isTrue();
        assertThat(VideoAccess.isListedFor(video(VideoStatus.PUBLISHED, Visibility.PUBLIC), null)).isTrue();
        assertThat(VideoAccess.isListedFor(video(VideoStatus.DELETED, Visibility.PUBLIC), MODERATOR)).isFalse();
    }
}
