package io.clipfeed.feed;

/**
 * Who asks for a feed: {@code key} is {@code u:<userId>} for a signed-in user or {@code s:<session>} for an
 * anonymous one (null when an anonymous client sent no session); {@code userId} is null when anonymous.
 */
record Viewer(String key, String userId) {

    static Viewer user(String userId) {
        return new Viewer("u:" + userId, userId);
    }

    static Viewer anonymous(String session) {
        return new Viewer(session == null ? null : "s:" + session, null);
    }
}
