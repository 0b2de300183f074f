package io.clipfeed.delivery;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.clipfeed.catalog.Rendition;
import io.clipfeed.catalog.RenditionKind;

/**
 * Picks what a client plays from a video's renditions and its {@link PlaybackHints} (pure; no I/O). Only renditions
 * whose codec family the client named are considered. Sizes are compared by the picture's short side, the number
 * ladders are named by (a 720×1280 portrait clip is "720p"), so {@code maxHeight=720} means "720p at most" for
 * portrait and landscape alike. The network class caps size and bitrate; Save-Data asks for the fewest bytes.
 */
record RenditionChoice(Optional<Rendition> mp4, List<Rendition> alternates, Optional<Rendition> hls) {

    /** The most a network class can sustain for instant start without stalls (short side, bits per second). */
    record NetworkCap(int shortSide, long bitrate) {
        static final NetworkCap NONE = new NetworkCap(Integer.MAX_VALUE, Long.MAX_VALUE);

        static NetworkCap of(String net) {
            if (net == null) {
                return NONE;
            }
            // the one list of network classes: those named here are poor (PlaybackFormat asks isPoor)
            return switch (net) {
                case "slow-2g" -> new NetworkCap(240, 250_000);
                case "2g" -> new NetworkCap(360, 400_000);
                case "3g" -> new NetworkCap(540, 1_500_000);
                default -> NONE;
            };
        }

        /** A network class that cannot sustain every rung, so playback should adapt (HLS). */
        boolean isPoor() {
            return this != NONE;
        }
    }

    static RenditionChoice of(List<Rendition> renditions, PlaybackHints hints) {
        List<Rendition> playable = renditions.stream().filter(r -> r.is(RenditionKind.MP4))
                .filter(r -> decodable(r.codec(), hints)).toList();
        Optional<Rendition> chosen = pick(playable, hints);
        List<Rendition> alternates = playable.stream().filter(r -> chosen.map(c -> c != r).orElse(true))
                .sorted(Comparator.comparingInt(RenditionChoice::shortSide).reversed()
                        .thenComparingInt(r -> Codecs.rank(family(r.codec()))))
                .toList();
        return new RenditionChoice(chosen, alternates, hls(renditions, hints));
    }

    private static Optional<Rendition> pick(List<Rendition> playable, PlaybackHints hints) {
        NetworkCap net = NetworkCap.of(hints.net());
        int maxSide = Math.min(net.shortSide(), hints.maxHeight() == null ? Integer.MAX_VALUE : hints.maxHeight());
        List<Rendition> fitting = playable.stream()
                .filter(r -> shortSide(r) <= maxSide && r.bitrate() <= net.bitrate()).toList();
        Comparator<Rendition> fewestBytes = Comparator.comparingLong(Rendition::bitrate)
                .thenComparingInt(RenditionChoice::shortSide);
        if (fitting.isEmpty()) {
            // nothing is small enough: the smallest there is beats no video at all
            return playable.stream().min(Comparator.comparingInt(RenditionChoice::shortSide)
                    .thenComparing(fewestBytes));
        }
        if (hints.saveData()) {
            return fitting.stream().min(fewestBytes);
        }
        return fitting.stream().max(Comparator.comparingInt(RenditionChoice::shortSide)
                .thenComparing(r -> -Codecs.rank(family(r.codec())))
                .thenComparing(Comparator.comparingLong(Rendition::bitrate).reversed()));
    }

    /** The video's starter, when the client decodes its codec. */
    static Optional<Rendition> starter(List<Rendition> renditions, PlaybackHints hints) {
        return renditions.stream().filter(r -> r.is(RenditionKind.STARTER)).filter(r -> decodable(r.codec(), hints))
                .findFirst();
    }

    /**
     * An HLS master whose every codec the client decodes is preferred; one that also lists other codecs is still
     * usable (players skip variants they cannot decode), so it comes second.
     */
    private static Optional<Rendition> hls(List<Rendition> renditions, PlaybackHints hints) {
        List<Rendition> masters = renditions.stream().filter(r -> r.is(RenditionKind.HLS)).toList();
        return masters.stream().filter(r -> families(r.codec()).stream().allMatch(f -> hints.codecs().contains(f)))
                .findFirst()
                .or(() -> masters.stream()
                        .filter(r -> families(r.codec()).stream().anyMatch(f -> hints.codecs().contains(f)))
                        .findFirst());
    }

    static boolean decodable(String codec, PlaybackHints hints) {
        return hints.codecs().containsAll(families(codec));
    }

    /** A rendition's codec field may list several (an HLS master); blank means H.264, the packager's default. */
    private static List<String> families(String codec) {
        if (codec == null || codec.isBlank()) {
            return List.of(Codecs.AVC);
        }
        List<String> families = java.util.Arrays.stream(codec.split(",")).map(Codecs::family)
                .flatMap(Optional::stream).distinct().toList();
        return families.isEmpty() ? List.of(Codecs.AVC) : families;
    }

    private static String family(String codec) {
        return families(codec).get(0);
    }

    static int shortSide(Rendition r) {
        return Math.min(r.width(), r.height());
    }
}
