package io.clipfeed.social;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.clipfeed.catalog.Catalog;
import io.clipfeed.catalog.VideoAccess;
import io.clipfeed.catalog.VideoCard;
import io.clipfeed.catalog.VideoCards;
import io.clipfeed.platform.CurrentUser;

/** Cards for the videos a viewer may see (a profile's liked videos); the rest are left out of the list. */
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
                .filter(v -> VideoAccess.canView(v, viewer)).map(cards::card).toList();
    }
}
