package io.clipfeed.media;

/** Whether a source may be processed; a rejection carries a sentence the creator can understand. */
public sealed interface Verdict permits Verdict.Accepted, Verdict.Rejected {

    record Accepted(Probe probe) implements Verdict {
    }

    record Rejected(String reason) implements Verdict {
    }
}
