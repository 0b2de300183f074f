package io.clipfeed.social;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.clipfeed.social.Comment.Mention;

class MentionsTest {

    @Test
    void findsDistinctLowerCasedNamesAndNotMailAddresses() {
        assertThat(Mentions.names("hi @Alice and @bob_2, @alice again. mail me@example.org @x @carol."))
                .containsExactly("alice", "bob_2", "carol");
    }

    @Test
    void namesAreThreeToThirtyCharacters() {
        assertThat(Mentions.names("@ab @abc")).containsExactly("abc");
    }

    @Test
    void storedMentionsRoundTrip() {
        List<Mention> mentions = List.of(new Mention("abcdefgh12", "alice"), new Mention("zyxwvuts98", "b.o_b"));
        assertThat(CommentRows.decode(CommentRows.encode(mentions))).isEqualTo(mentions);
        assertThat(CommentRows.decode("")).isEmpty();
    }
}
