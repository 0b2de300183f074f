package io.clipfeed.feed;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/** A listed (published, public) video as the feed ranks it: who made it, its hashtags and when it appeared. */
record Listing(String videoId, String creatorId, List<String> hashtags, Instant publishedAt) {

    /** Newest first; the id breaks ties so keyset cursors are stable. */
    static final Comparator<Listing> NEWEST_FIRST = Comparator.comparing(Listing::publishedAt).reversed()
            .thenComparing(Listing::videoId, Comparator.reverseOrder());

    Listing {
        hashtags = List.copyOf(hashtags);
        publishedAt = publishedAt.truncatedTo(ChronoUnit.MILLIS); // what a cursor keeps
    }
}
