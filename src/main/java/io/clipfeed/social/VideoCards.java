package io.clipfeed.social;

import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.clipfeed.catalog.Catalog;
import io.clipfeed.catalog.PlaybackLinks;
import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoAccess;
import io.clipfeed.identity.Accounts;
import io.clipfeed.platform.CurrentUser;

/** Builds {@link VideoCard}s for the videos a viewer may see; the rest are left out of the list. */
@Component
class VideoCards {

    private final Catalog catalog;
    private final Accounts accounts;
    private final Counters counters;
    private final ObjectProvider<PlaybackLinks> links;

    VideoCards(Catalog catalog, Accounts accounts, Counters counters, ObjectProvider<PlaybackLinks> links) {
        this.catalog = catalog;
        this.accounts = accounts;
        this.counters = counters;
        this.links = links;
    }

    List<VideoCard> visible(List<String> videoIds, CurrentUser viewer) {
        return videoIds.stream().map(catalog::find).flatMap(Optional::stream)
                .filter(v -> VideoAccess.canView(v, viewer)).map(this::card).toList();
    }

    private VideoCard card(Video v) {
        PlaybackLinks playback = links.getIfAvailable();
        String cover = playback == null ? null : playback.coverUrl(v).orElse(null);
        String username = accounts.find(v.creatorId()).map(a -> a.username()).orElse(null);
        return new VideoCard(v.id(), v.title(), cover, v.durationMs(), new VideoCard.Creator(v.creatorId(), username),
                counters.of(v.id()), v.createdAt());
    }
}
