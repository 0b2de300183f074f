package io.clipfeed.catalog;

import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.clipfeed.identity.Accounts;

/**
 * Builds {@link VideoCard}s. The cover link and the counts come from the modules above catalog that own them
 * (delivery signs URLs, social keeps counters) through catalog's SPIs; while those are absent a card has no cover
 * and zero counts.
 */
@Component
public class VideoCards {

    private final Accounts accounts;
    private final ObjectProvider<PlaybackLinks> links;
    private final ObjectProvider<EngagementCounts> counts;

    VideoCards(Accounts accounts, ObjectProvider<PlaybackLinks> links, ObjectProvider<EngagementCounts> counts) {
        this.accounts = accounts;
        this.links = links;
        this.counts = counts;
    }

    public VideoCard card(Video v) {
        return VideoCard.of(v, username(v.creatorId()), coverUrl(v), counts(v.id()));
    }

    public String username(String userId) {
        return accounts.find(userId).map(a -> a.username()).orElse(null);
    }

    public String coverUrl(Video v) {
        return Optional.ofNullable(links.getIfAvailable()).flatMap(l -> l.coverUrl(v)).orElse(null);
    }

    /** The counts of several videos in one read; every id is a key (zero counts without social). */
    public java.util.Map<String, EngagementCounts.Counts> counts(java.util.Collection<String> videoIds) {
        EngagementCounts source = counts.getIfAvailable();
        if (source == null) {
            java.util.Map<String, EngagementCounts.Counts> zero = new java.util.HashMap<>();
            videoIds.forEach(id -> zero.put(id, EngagementCounts.Counts.ZERO));
            return zero;
        }
        return source.ofAll(videoIds);
    }

    public EngagementCounts.Counts counts(String videoId) {
        return Optional.ofNullable(counts.getIfAvailable()).map(c -> c.of(videoId))
                .orElse(EngagementCounts.Counts.ZERO);
    }
}
