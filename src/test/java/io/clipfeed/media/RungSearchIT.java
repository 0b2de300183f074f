package io.clipfeed.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.clipfeed.media.ffmpeg.ComplexityProbe;
import io.clipfeed.media.ffmpeg.LadderTranscoder;
import io.clipfeed.media.ffmpeg.QualityMeter;

/** The whole-rung quality search on a real clip, and the rendition it leads to. */
@io.clipfeed.DatabaseFree
class RungSearchIT {

    @TempDir
    Path dir;

    private final MediaSettings settings = MediaSettings.defaults();
    private final TranscodePlanner planner = new TranscodePlanner(settings);

    @Test
    void theRenditionReachesTheQualityTheFixedLadderReachesOnItForFewerBits() {
        // city-cc0.mpg: its samples predicted the fixed ladder's SSIM as 0.911, the real one is 0.942
        Path source = LadderTranscoderIT.shared("city-cc0.mpg");
        Probe probe = MediaInspector.probe(source);
        String preset = planner.effortPreset(probe);
        int passes = planner.searchPasses(probe, preset);
        assertThat(preset).isEqualTo("slow");
        assertThat(passes).isEqualTo(EncoderEffort.MAX_SEARCH_PASSES); // 7.6 s of one 640x360 rung
        Map<String, List<SourceAnalysis.CrfTrial>> trials = new ComplexityProbe().trials(source,
                List.of(preset, settings.preset()), ComplexityProbe.TRIAL_CRFS);
        SourceAnalysis sampled = new SourceAnalysis(trials.get(preset).get(0).bitsPerPixel(),
                ComplexityProbe.SHORT_SIDE, null, trials.get(preset), preset, trials.get(settings.preset()));

        SourceAnalysis searched = new RungSearch(settings).search(source, probe, sampled, passes, () -> false);

        SourceAnalysis.SearchedRung search = searched.searched(640, 360);
        assertThat(search).isNotNull();
        assertThat(search.encodes()).hasSizeBetween(2, passes + 1); // the first pass may try two CRFs
        SourceAnalysis.Measured fixed = search.fixedLadder();
        assertThat(fixed.bitrate()).isCloseTo(TranscodePlanner.fixedLadderBitrate(640, 360, 25),
                within(TranscodePlanner.fixedLadderBitrate(640, 360, 25) / 10));
        TranscodePlan plan = planner.plan(probe, searched);
        TranscodePlan.Rung rung = plan.rungs().get(0);
        SourceAnalysis.Measured chosen = search.encodes().stream().filter(m -> m.crf() == rung.crf()).findFirst()
                .orElseThrow();
        assertThat(chosen.ssim()).isGreaterThanOrEqualTo(fixed.ssim() + QualitySearch.MARGIN);
        assertThat(chosen.bitrate()).isLessThan(fixed.bitrate());
        // bracketed: a step more would have fallen short
        assertThat(search.encodes()).anySatisfy(m -> {
            assertThat(m.crf()).isEqualTo(rung.crf() + QualitySearch.STEP);
            assertThat(m.ssim()).isLessThan(fixed.ssim() + QualitySearch.MARGIN);
        });

        // the ladder's encode of the rung is the trial's: the same SSIM over the whole clip
        LadderTranscoder.EncodedRung out = new LadderTranscoder().transcode(source, plan, List.of(rung), dir,
                () -> false, p -> { }).get(0);
        QualityMeter.Quality quality = new QualityMeter().measure(source, out.mp4(), plan, rung, 60);
        assertThat(quality.ssim()).isCloseTo(chosen.ssim(), within(0.0002)).isGreaterThanOrEqualTo(fixed.ssim());
    }
}
