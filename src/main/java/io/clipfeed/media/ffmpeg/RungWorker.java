package io.clipfeed.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * Runs one {@link RungEncoder} on its own thread, fed through a small bounded queue so a slow rung holds the
 * decoder back instead of piling up frames. Frames arrive as references to the decoder's buffers (no copy).
 */
final class RungWorker implements Runnable {

    private static final int QUEUE_FRAMES = 8;

    private sealed interface Item permits VideoFrame, AudioPacket, End {
    }

    private record VideoFrame(AVFrame frame) implements Item {
    }

    private record AudioPacket(AVPacket packet, AVRational timeBase) implements Item {
    }

    private record End() implements Item {
    }

    private final RungEncoder encoder;
    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(QUEUE_FRAMES);
    private final Thread thread;
    private volatile Throwable failure;

    RungWorker(RungEncoder encoder, String name) {
        this.encoder = encoder;
        this.thread = new Thread(this, "rung-" + name);
    }

    void start() {
        thread.start();
    }

    /** Hands over a new reference to the frame. */
    void video(AVFrame frame) {
        put(new VideoFrame(av_frame_clone(frame)));
    }

    void audio(AVPacket packet, AVRational timeBase) {
        put(new AudioPacket(av_packet_clone(packet), timeBase));
    }

    void end() {
        put(new End());
    }

    private void put(Item item) {
        try {
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                rethrowFailure();
            }
        } catch (InterruptedException e) {
            release(item);
            Thread.currentThread().interrupt();
            throw new FfmpegException("encode", -1, "interrupted");
        }
    }

    @Override
    public void run() {
        try {
            Item item;
            while (!((item = queue.take()) instanceof End)) {
                handle(item);
            }
            encoder.video(null);
            encoder.finish();
        } catch (InterruptedException e) {
            failure = e;
        } catch (Throwable e) {
            failure = e;
        } finally {
            queue.forEach(RungWorker::release);
            queue.clear();
        }
    }

    private void handle(Item item) {
        try {
            if (item instanceof VideoFrame v) {
                encoder.video(v.frame());
            } else if (item instanceof AudioPacket a) {
                encoder.audio(a.packet(), a.timeBase());
            }
        } finally {
            release(item);
        }
    }

    private static void release(Item item) {
        if (item instanceof VideoFrame v) {
            av_frame_free(v.frame());
        } else if (item instanceof AudioPacket a) {
            av_packet_free(a.packet());
        }
    }

    void rethrowFailure() {
        Throwable f = failure;
        if (f instanceof FfmpegException e) {
            throw e;
        }
        if (f != null) {
            throw new FfmpegException("encode", -1, String.valueOf(f), null, f instanceof Exception ex ? ex : null);
        }
    }

    /** Waits for the thread; after an abort the thread is interrupted first. Safe to call twice. */
    void join(boolean abort) {
        if (abort) {
            thread.interrupt();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
