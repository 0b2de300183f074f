package io.clipfeed.feed;

/**
 * One video's engagement: decayed views and engagement (for trending), lifetime positive signals (to normalise
 * co-engagement) and impressions served (for the exploration quota). Guarded by its own monitor.
 */
final class Stats {

    private double views;
    private double engagement;
    private long positives;
    private long impressions;

    synchronized void add(Signal signal, double weight) {
        if (signal.view) {
            views += weight;
        }
        engagement += signal.engagement * weight;
        if (signal.positive()) {
            positives++;
        }
    }

    synchronized void impressed() {
        impressions++;
    }

    synchronized long impressions() {
        return impressions;
    }

    synchronized long positives() {
        return positives;
    }

    /**
     * Engagement per view, smoothed so that one lucky view does not top the chart, times the log of the volume so
     * that a well-liked video seen by many ranks above one seen by few.
     */
    synchronized double trending(double nowWeight) {
        double v = views / nowWeight;
        double e = Math.max(0, engagement / nowWeight);
        return (e + 0.5) / (v + 3) * Math.log1p(v + e);
    }
}
