package io.clipfeed.media;

/** Probe builders for the pure tests: a phone-like H.264/AAC MP4 and variations of it. */
final class Probes {

    private Probes() {
    }

    static Probe h264Aac(int width, int height, double fps) {
        return probe("mov,mp4,m4a,3gp,3g2,mj2", video("h264", "High", width, height, 0, fps), aac(), 10_000,
                2_000_000);
    }

    static Probe.VideoTrack video(String codec, String profile, int width, int height, int rotation, double fps) {
        return new Probe.VideoTrack(codec, profile, "yuv420p", width, height, rotation, 1, 1, fps, false, 0, true);
    }

    static Probe.AudioTrack aac() {
        return new Probe.AudioTrack("aac", 48_000, 2);
    }

    static Probe probe(String container, Probe.VideoTrack video, Probe.AudioTrack audio, long durationMs,
            long bitrate) {
        return new Probe(container, bitrate * durationMs / 8000, durationMs, 0, bitrate, video, audio, 24, 0);
    }
}
