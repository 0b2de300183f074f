package io.clipfeed.media;

import java.util.ArrayList;
import java.util.List;

/**
 * Drops rungs that cost almost nothing more than the rung below them: on simple content a larger picture can
 * land within ~15 % of the smaller one's bitrate, and then it is not a distinct choice for the player.
 * The lowest rung is always kept.
 */
final class RungPruning {

    static final double MIN_STEP = 1.15;

    private RungPruning() {
    }

    /** Indexes (ascending, by the rungs' order from small to large) of the rungs worth keeping. */
    static List<Integer> keep(List<Long> bitrates) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < bitrates.size(); i++) {
            if (kept.isEmpty() || bitrates.get(i) >= bitrates.get(kept.get(kept.size() - 1)) * MIN_STEP) {
                kept.add(i);
            }
        }
        return kept;
    }
}
