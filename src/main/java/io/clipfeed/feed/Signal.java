package io.clipfeed.feed;

/**
 * What a viewer did with a video, as the feed learns from it. {@code taste} is how strongly it says "more like
 * this" (negative takes a like back); {@code engagement} is what it adds to the video's trending score.
 */
enum Signal {
    PLAY(0.3, 0, true), COMPLETE(1.0, 1, false), LIKE(2.0, 2, false), UNLIKE(-2.0, -2, false),
    COMMENT(1.5, 2, false), SHARE(2.0, 3, false);

    final double taste;
    final double engagement;
    final boolean view;

    Signal(double taste, double engagement, boolean view) {
        this.taste = taste;
        this.engagement = engagement;
        this.view = view;
    }

    /** Strong enough to count two videos as engaged with together. */
    boolean positive() {
        return taste >= 1.0;
    }
}
