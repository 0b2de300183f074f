package io.clipfeed.media.ffmpeg;

import io.clipfeed.media.Probe;

/**
 * A failed FFmpeg step: which step, FFmpeg's return code, the tail of its log and (when known) the probe of the
 * source. The one exception type of the media edge; the pipeline turns it into a creator-readable FAILED reason.
 */
public class FfmpegException extends RuntimeException {

    private final String step;
    private final int returnCode;
    private final String logTail;
    private final transient Probe probe;

    public FfmpegException(String step, int returnCode, String detail, Probe probe, Throwable cause) {
        super(step + " failed (" + returnCode + "): " + detail + tailSuffix(FfmpegLog.tail()), cause);
        this.step = step;
        this.returnCode = returnCode;
        this.logTail = FfmpegLog.tail();
        this.probe = probe;
    }

    public FfmpegException(String step, int returnCode, String detail) {
        this(step, returnCode, detail, null, null);
    }

    /** Wraps a failure of a JavaCV call, which reports FFmpeg's error only in its message. */
    public static FfmpegException of(String step, Exception cause, Probe probe) {
        if (cause instanceof FfmpegException known) {
            return known;
        }
        return new FfmpegException(step, -1, String.valueOf(cause.getMessage()), probe, cause);
    }

    private static String tailSuffix(String tail) {
        return tail.isEmpty() ? "" : " | log: " + tail.replace('\n', ' ');
    }

    public String step() {
        return step;
    }

    public int returnCode() {
        return returnCode;
    }

    public String logTail() {
        return logTail;
    }

    public Probe probe() {
        return probe;
    }
}
