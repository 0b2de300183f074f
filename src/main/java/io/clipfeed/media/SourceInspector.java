package io.clipfeed.media;

import java.nio.file.Path;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.clipfeed.media.ffmpeg.FfmpegProber;

/** Probes a source and judges it: header limits first (before decoding), then decodability and duration. */
@Component
class SourceInspector {

    static final String NOT_A_VIDEO = "This file is not a video we can read.";

    private final FfmpegProber prober = new FfmpegProber();
    private final SourceValidator validator;

    SourceInspector(MediaSettings settings) {
        this.validator = new SourceValidator(settings);
    }

    Verdict inspect(Path source) {
        Optional<Probe> probe = prober.probe(source, headers -> validator.headerProblem(headers) == null);
        return probe.map(validator::check).orElseGet(() -> new Verdict.Rejected(NOT_A_VIDEO));
    }
}
