package io.clipfeed.feed;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Who follows whom and who blocked whom, as projected from social's events. */
final class Graph {

    private final Map<String, Set<String>> followees = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> blocking = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> blockedBy = new ConcurrentHashMap<>();

    void follow(String follower, String followee) {
        of(followees, follower).add(followee);
    }

    void unfollow(String follower, String followee) {
        of(followees, follower).remove(followee);
    }

    void block(String blocker, String blocked) {
        of(blocking, blocker).add(blocked);
        of(blockedBy, blocked).add(blocker);
    }

    void unblock(String blocker, String blocked) {
        of(blocking, blocker).remove(blocked);
        of(blockedBy, blocked).remove(blocker);
    }

    Set<String> followees(String userId) {
        return userId == null ? Set.of() : Set.copyOf(followees.getOrDefault(userId, Set.of()));
    }

    /** Either blocked the other: neither sees the other's videos. */
    boolean hidden(String viewerId, String creatorId) {
        return viewerId != null && (blocking.getOrDefault(viewerId, Set.of()).contains(creatorId)
                || blockedBy.getOrDefault(viewerId, Set.of()).contains(creatorId));
    }

    /** {@link #hidden} for one viewer, with the viewer's sets looked up once (for filtering many videos). */
    java.util.function.Predicate<String> hiddenFor(String viewerId) {
        if (viewerId == null) {
            return creator -> false;
        }
        Set<String> blocks = blocking.getOrDefault(viewerId, Set.of());
        Set<String> blockers = blockedBy.getOrDefault(viewerId, Set.of());
        if (blocks.isEmpty() && blockers.isEmpty()) {
            return creator -> false;
        }
        return creator -> blocks.contains(creator) || blockers.contains(creator);
    }

    boolean followsAnyone(String userId) {
        return userId != null && !followees.getOrDefault(userId, Set.of()).isEmpty();
    }

    private static Set<String> of(Map<String, Set<String>> map, String key) {
        return map.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet());
    }
}
