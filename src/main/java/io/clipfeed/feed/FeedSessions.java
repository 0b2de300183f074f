package io.clipfeed.feed;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

/**
 * Server-side state behind the cursors of ranked feeds (For You, trending): the videos already served in this
 * scroll and the creator of the last one. New videos may join later pages, but nothing served repeats and no page
 * starts with the creator the previous one ended with. A cursor that expired starts a fresh scroll (the viewer's
 * seen-filter still applies). For You's scroll also remembers whether the viewer caught up (saw everything fresh,
 * {@link CaughtUp}) and where it is in the viewer's kept list; once caught up it cycles through the listed videos,
 * so only within one cycle is nothing repeated.
 */
@Component
class FeedSessions {

    static final int MAX_SERVED = 5000;
    private static final java.util.regex.Pattern CURSOR = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{22}");
    /** DRBG generates in memory; the default NativePRNG reads /dev/urandom under one lock on every token. */
    private static final SecureRandom RANDOM = drbg();

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (java.security.NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    /** One scroll through a ranked feed. Guarded by its own monitor. */
    static final class Scroll {
        private final String token;
        private final Set<String> served = new HashSet<>();
        private final ForYouLists.Position position = new ForYouLists.Position();
        private String lastCreator;
        private boolean caughtUp;

        Scroll(String token) {
            this.token = token;
        }

        synchronized boolean served(String videoId) {
            return served.contains(videoId);
        }

        synchronized String lastCreator() {
            return lastCreator;
        }

        synchronized void add(List<Pick> page) {
            page.forEach(p -> served.add(p.videoId()));
            lastCreator = page.isEmpty() ? lastCreator : page.get(page.size() - 1).creatorId();
        }

        synchronized boolean exhausted() {
            return served.size() >= MAX_SERVED;
        }

        synchronized boolean servedAny() {
            return !served.isEmpty();
        }

        /** The next cycle through the listed videos: what was served may be served again. */
        synchronized void restartCycle() {
            served.clear();
        }

        synchronized boolean caughtUp() {
            return caughtUp;
        }

        synchronized void markCaughtUp() {
            caughtUp = true;
        }

        ForYouLists.Position position() {
            return position;
        }

        String token() {
            return token;
        }
    }

    private final Cache<String, Scroll> scrolls = Caffeine.newBuilder().maximumSize(200_000)
            .expireAfterAccess(Duration.ofHours(2)).build();

    /** The scroll a cursor continues, or a new one for a first page (or an expired cursor). */
    Scroll continueOrStart(String cursor) {
        if (cursor != null && !cursor.isEmpty()) {
            if (!CURSOR.matcher(cursor).matches()) {
                throw new IllegalArgumentException("The cursor is not valid; start again without it.");
            }
            return scrolls.get(cursor, Scroll::new);
        }
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Scroll scroll = new Scroll(token);
        scrolls.put(token, scroll);
        return scroll;
    }
}
