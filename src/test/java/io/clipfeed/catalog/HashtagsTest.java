package io.clipfeed.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HashtagsTest {

    @Test
    void parsesUnicodeTagsLowerCasedAndDeduplicatedInOrder() {
        assertThat(Hashtags.parse("Morning #Coffee with #çafé_au_lait, #猫 and #COFFEE again #2026"))
                .containsExactly("coffee", "çafé_au_lait", "猫", "2026");
    }

    @Test
    void ignoresHashesGluedToWordsUrlsAndEntities() {
        assertThat(Hashtags.parse("a#b see https://x.org/page#anchor &#39; ##double # #real")).containsExactly("real");
    }

    @Test
    void stopsAtPunctuationAndIgnoresOverlongTags() {
        assertThat(Hashtags.parse("#fun! #so-cool #" + "x".repeat(51) + " #ok"))
                .containsExactly("fun", "so", "ok");
    }

    @Test
    void keepsAtMostTwentyTags() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            s.append(" #tag").append(i);
        }
        assertThat(Hashtags.parse(s.toString())).hasSize(Hashtags.MAX_TAGS).startsWith("tag0").endsWith("tag19");
    }

    @Test
    void emptyForNoDescription() {
        assertThat(Hashtags.parse(null)).isEmpty();
        assertThat(Hashtags.parse("no tags here")).isEmpty();
    }
}
