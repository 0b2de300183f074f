package io.clipfeed.feed;

/** Why an item is in a feed, rendered as a short sentence once the creator's name is known. */
record Reason(Kind kind, String detail) {

    enum Kind {
        LIKED_TAG, SIMILAR, TRENDING, NEW, FOLLOWING, HASHTAG, SEARCH, MORE
    }

    static Reason of(Kind kind) {
        return new Reason(kind, null);
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
        };
    }
}
