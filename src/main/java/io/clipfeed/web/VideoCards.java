package io.clipfeed.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.clipfeed.catalog.EngagementCounts;
import io.clipfeed.catalog.PlaybackLinks;
import io.clipfeed.catalog.Video;
import io.clipfeed.identity.Account;
import io.clipfeed.identity.Accounts;

/**
 * The {@code video} part of a feed item, with the fields the feed module sends too, so the client renders cards
 * from either list alike. Cover links and counts come from the modules that own them when they are present.
 */
@Component
class VideoCards {

    record Creator(String id, String username) {
    }

    record Card(String id, String title, String description, List<String> hashtags, Creator creator,
            Long durationMs, Integer width, Integer height, String coverUrl, EngagementCounts.Counts counts,
            Instant createdAt) {
    }

    private final Accounts accounts;
    private final ObjectProvider<PlaybackLinks> links;
    private final ObjectProvider<EngagementCounts> counts;

    VideoCards(Accounts accounts, ObjectProvider<PlaybackLinks> links, ObjectProvider<EngagementCounts> counts) {
        this.accounts = accounts;
        this.links = links;
        this.counts = counts;
    }

    Card card(Video v) {
        String cover = Optional.ofNullable(links.getIfAvailable()).flatMap(l -> l.coverUrl(v)).orElse(null);
        EngagementCounts.Counts engagement = Optional.ofNullable(counts.getIfAvailable()).map(c -> c.of(v.id()))
                .orElse(EngagementCounts.Counts.ZERO);
        return new Card(v.id(), v.title(), v.description(), v.hashtags(), creator(v), v.durationMs(), v.width(),
                v.height(), cover, engagement, v.createdAt());
    }

    Creator creator(Video v) {
        return accounts.find(v.creatorId()).map(VideoCards::creator).orElse(new Creator(v.creatorId(), null));
    }

    private static Creator creator(Account a) {
        return new Creator(a.id(), a.username());
    }
}
