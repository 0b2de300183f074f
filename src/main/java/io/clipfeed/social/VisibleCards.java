package io.clipfeed.social;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.clipfeed.catalog.Catalog;
import io.clipfeed.catalog.VideoAccess;
import io.clipfeed.catalog.VideoCard;
import io.clipfeed.catalog.VideoCards;
import io.clipfeed.platform.CurrentUser;

/**
 * Cards for the videos listed for a viewer (a profile's liked videos): an unlisted video is reachable by its link,
 * never shown in someone's likes; the rest are left out of the list.
 */
@Component
class VisibleCards {

    private final Catalog catalog;
    private final VideoCards cards;

    VisibleCards(Catalog catalog, VideoCards cards) {
        this.catalog = catalog;
        this.cards = cards;
    }

    List<VideoCard> visible(List<String> videoIds, CurrentUser viewer) {
        return videoIds.stream().map(catalog::find).flatMap(Optional::stream)
                .filter(v -> VideoAccess.isListedFor(v, viewer)).map(cards::card).toList();
    }
}
