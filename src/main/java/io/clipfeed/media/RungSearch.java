package io.clipfeed.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.BooleanSupplier;

import io.clipfeed.media.ffmpeg.RungTrials;

/**
 * Runs the whole-rung quality search of a title ({@link QualitySearch} decides, {@link RungTrials} measures).
 * Public so benchmarks can run it as production does.
 */
public final class RungSearch {

    private final MediaSettings settings;
    private final TranscodePlanner planner;
    private final RungTrials rungTrials = new RungTrials();

    public RungSearch(MediaSettings settings) {
        this.settings = settings;
        this.planner = new TranscodePlanner(settings);
    }

    /**
     * The whole-rung quality search ({@link QualitySearch}): the first pass encodes every H.264 rung as the fixed
     * ladder would and at the CRFs the samples suggest ({@link QualitySearch#firstGuesses}); each further pass tries
     * the next CRF of every rung not yet bracketed, until none is left or the passes the budget allows are spent.
     */
    public SourceAnalysis search(Path source, Probe probe, SourceAnalysis sampled, int passes, BooleanSupplier stop) {
        TranscodePlan plan = planner.plan(probe, sampled);
        int fps = plan.fps();
        double slope = QualitySearch.slopeHint(sampled.trials());
        List<TranscodePlan.Rung> rungs = plan.rungs().stream().filter(r -> !r.hevc()).toList();
        List<RungTrials.Trial> first = new ArrayList<>();
        List<Integer> firstOf = new ArrayList<>();
        for (TranscodePlan.Rung r : rungs) {
            firstOf.add(first.size());
            first.add(new RungTrials.Trial(QualitySearch.fixedLadderRung(r, settings.preset(), fps),
                    QualitySearch.fixedLadderBitrate(r, fps)));
            for (double crf : QualitySearch.firstGuesses(sampled, r, fps)) {
                first.add(new RungTrials.Trial(QualitySearch.candidate(r, crf, fps), 0));
            }
        }
        firstOf.add(first.size());
        List<RungTrials.Result> results = rungTrials.run(source, plan, first, stop);
        List<SourceAnalysis.SearchedRung> searched = new ArrayList<>();
        for (int i = 0; i < rungs.size(); i++) {
            RungTrials.Result fixed = results.get(firstOf.get(i));
            searched.add(new SourceAnalysis.SearchedRung(rungs.get(i).width(), rungs.get(i).height(),
                    new SourceAnalysis.Measured(Double.NaN, fixed.ssim(), fixed.bitrate()),
                    results.subList(firstOf.get(i) + 1, firstOf.get(i + 1)).stream().map(RungSearch::measured)
                            .toList()));
        }
        for (int pass = 1; pass < passes; pass++) {
            List<RungTrials.Trial> next = new ArrayList<>();
            List<Integer> which = new ArrayList<>();
            for (int i = 0; i < rungs.size(); i++) {
                OptionalDouble crf = QualitySearch.next(searched.get(i), settings.targetSsim(), slope);
                if (crf.isPresent()) {
                    next.add(new RungTrials.Trial(QualitySearch.candidate(rungs.get(i), crf.getAsDouble(), fps), 0));
                    which.add(i);
                }
            }
            if (next.isEmpty()) {
                break;
            }
            List<RungTrials.Result> more = rungTrials.run(source, plan, next, stop);
            for (int k = 0; k < which.size(); k++) {
                int i = which.get(k);
                searched.set(i, searched.get(i).with(measured(more.get(k))));
            }
        }
        return sampled.withSearches(searched);
    }

    private static SourceAnalysis.Measured measured(RungTrials.Result result) {
        return new SourceAnalysis.Measured(result.trial().rung().crf(), result.ssim(), result.bitrate());
    }
}
