package io.clipfeed.feed;

import java.util.Arrays;

/**
 * Item-to-item co-occurrence: how often two videos (by their {@link VideoIndex} numbers) were engaged with
 * (completed, liked, commented, shared) by the same viewer close together in time. Each video keeps its
 * {@link #NEIGHBOURS} strongest neighbours in two small primitive arrays, so memory is bounded by the catalog's
 * size whatever the traffic and a link is a scan of at most 64 ints.
 */
final class CoEngagement {

    static final int NEIGHBOURS = 64;

    private final Chunks<Neighbours> links = new Chunks<>();

    /** A video's neighbours (numbers) and how often each was engaged with together with it; a copy. */
    record Linked(int[] videos, float[] counts) {
        static final Linked NONE = new Linked(new int[0], new float[0]);
    }

    void link(int a, int b) {
        if (a != b) {
            of(a).add(b);
            of(b).add(a);
        }
    }

    Linked neighbours(int video) {
        Neighbours n = links.get(video);
        return n == null ? Linked.NONE : n.copy();
    }

    private Neighbours of(int video) {
        Neighbours n = links.get(video);
        return n != null ? n : links.setIfAbsent(video, new Neighbours());
    }

    /** One video's neighbours. Guarded by its own monitor. */
    private static final class Neighbours {
        private int[] videos = new int[4];
        private float[] counts = new float[4];
        private int size;

        synchronized void add(int to) {
            int weakest = 0;
            for (int i = 0; i < size; i++) {
                if (videos[i] == to) {
                    counts[i]++;
                    return;
                }
                if (counts[i] < counts[weakest]) {
                    weakest = i;
                }
            }
            if (size < NEIGHBOURS) {
                if (size == videos.length) {
                    videos = Arrays.copyOf(videos, Math.min(NEIGHBOURS, size * 2));
                    counts = Arrays.copyOf(counts, videos.length);
                }
                videos[size] = to;
                counts[size++] = 1;
            } else {
                videos[weakest] = to; // the weakest link makes room, as a newcomer starts at one
                counts[weakest] = 1;
            }
        }

        synchronized Linked copy() {
            return new Linked(Arrays.copyOf(videos, size), Arrays.copyOf(counts, size));
        }
    }
}
