package io.clipfeed.feed;

import java.util.Locale;

/**
 * Why an item is in a feed, rendered as a short sentence once the creator's name is known, and as a stable
 * {@link #code()} a client can act on. {@code REWATCH} and {@code CAUGHT_UP} are For You's items once the viewer has
 * seen everything fresh: something they watched a while ago, or what is popular.
 */
record Reason(Kind kind, String detail) {

    enum Kind {
        LIKED_TAG, SIMILAR, TRENDING, NEW, FOLLOWING, HASHTAG, SEARCH, MORE, REWATCH, CAUGHT_UP
    }

    static Reason of(Kind kind) {
        return new Reason(kind, null);
    }

    /** The kind in lower case with dashes ({@code liked-tag}, {@code rewatch}, {@code caught-up}, ...). */
    String code() {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether the item is one of the already-seen or popular ones served after the viewer caught up. */
    boolean caughtUp() {
        return kind == Kind.REWATCH || kind == Kind.CAUGHT_UP;
    }

    String text(String creatorUsername) {
        String creator = creatorUsername == null ? "a new creator" : "@" + creatorUsername;
        return switch (kind) {
            case LIKED_TAG -> "Because you liked #" + detail;
            case SIMILAR -> "Liked by viewers with your taste";
            case TRENDING -> "Trending";
            case NEW -> "New from " + creator;
            case FOLLOWING -> "From creators you follow";
            case HASHTAG -> "#" + detail;
            case SEARCH -> "Matches your search";
            case MORE -> "More to explore";
            case REWATCH -> "You're all caught up — watch it again";
            case CAUGHT_UP -> "You're all caught up — here's what's popular";
        };
    }
}
