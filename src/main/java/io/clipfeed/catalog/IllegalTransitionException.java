package io.clipfeed.catalog;

/** A caller asked for a status change the lifecycle does not allow (a broken invariant, not bad user input). */
public class IllegalTransitionException extends IllegalStateException {

    private final VideoStatus from;
    private final VideoStatus to;

    public IllegalTransitionException(VideoStatus from, VideoStatus to) {
        super("A video cannot move from " + from + " to " + to);
        this.from = from;
        this.to = to;
    }

    public VideoStatus from() {
        return from;
    }

    public VideoStatus to() {
        return to;
    }
}
