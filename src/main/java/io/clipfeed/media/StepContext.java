package io.clipfeed.media;

import java.nio.file.Path;

/** What a running step gets from the runner: a private work directory, a stop signal and a progress sink. */
record StepContext(String videoId, Path workDir, StopSignal stop, Progress progress) {

    /** Maps a step's own 0–100 onto its share of the video's overall progress. */
    record Progress(io.clipfeed.catalog.Catalog catalog, String videoId, int from, int to) {

        void report(int stepPercent) {
            int clamped = Math.max(0, Math.min(100, stepPercent));
            catalog.recordProgress(videoId, from + (to - from) * clamped / 100);
        }
    }
}
