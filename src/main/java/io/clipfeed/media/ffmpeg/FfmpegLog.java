package io.clipfeed.media.ffmpeg;

import java.util.ArrayDeque;
import java.util.Deque;

import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;

/**
 * Keeps the last warnings and errors FFmpeg logged on each thread, so a failed step can say what FFmpeg said.
 * FFmpeg's default logger writes to stderr, which nobody reads in a server.
 */
public final class FfmpegLog {

    private static final int KEPT_LINES = 12;
    private static final ThreadLocal<Deque<String>> LINES = ThreadLocal.withInitial(ArrayDeque::new);
    private static final Callback CALLBACK = new Callback();
    private static volatile boolean installed;

    private FfmpegLog() {
    }

    /** Routes FFmpeg's log here (once per process). */
    public static synchronized void install() {
        if (!installed) {
            avutil.av_log_set_level(avutil.AV_LOG_WARNING);
            avutil.setLogCallback(CALLBACK);
            installed = true;
        }
    }

    /** Forgets this thread's lines, at the start of a step. */
    public static void clear() {
        LINES.get().clear();
    }

    public static String tail() {
        return String.join("\n", LINES.get());
    }

    private static final class Callback extends LogCallback {
        @Override
        public void call(int level, BytePointer message) {
            if (level > avutil.AV_LOG_WARNING) {
                return;
            }
            Deque<String> lines = LINES.get();
            lines.addLast(message.getString().strip());
            while (lines.size() > KEPT_LINES) {
                lines.removeFirst();
            }
        }
    }
}
