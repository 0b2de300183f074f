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

    public EngagementCounts.Counts counts(String videoId) {
        return Optional.ofNullable(counts.getIfAvailable()).map(c -> c.of(videoId))
                .orElse(EngagementCounts.Counts.ZERO);
    }
}
