package io.clipfeed.demo;

/**
 * A soft chord of sine waves with a short fade in and out (no clicks), as interleaved 16-bit PCM. The right
 * channel is slightly detuned so the sound is not flat mono.
 */
final class ChordSynth {

    private final double[] hz;
    private final int sampleRate;
    private final long totalSamples;
    private long position;

    ChordSynth(double[] hz, int sampleRate, int durationMs) {
        this.hz = hz.clone();
        this.sampleRate = sampleRate;
        this.totalSamples = (long) sampleRate * durationMs / 1000;
    }

    short[] next(int samples, int channels) {
        short[] out = new short[samples * channels];
        for (int i = 0; i < samples; i++, position++) {
            double t = (double) position / sampleRate;
            double envelope = envelope(position);
            for (int c = 0; c < channels; c++) {
                double detune = c == 0 ? 1.0 : 1.003;
                double v = 0;
                for (double f : hz) {
                    v += Math.sin(2 * Math.PI * f * detune * t);
                }
                out[i * channels + c] = (short) (v / hz.length * envelope * 0.3 * Short.MAX_VALUE);
            }
        }
        return out;
    }

    private double envelope(long n) {
        long fade = sampleRate / 20;
        double in = Math.min(1.0, (double) n / fade);
        double outFade = Math.min(1.0, Math.max(0.0, (double) (totalSamples - n) / fade));
        return in * outFade;
    }
}
