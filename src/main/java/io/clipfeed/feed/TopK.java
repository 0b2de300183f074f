package io.clipfeed.feed;

import java.util.Arrays;

/**
 * The {@code k} best-scoring video numbers of a stream, kept in a primitive min-heap (the weakest on top), so
 * ranking a whole catalog allocates nothing per video. Ties keep the smaller number.
 */
final class TopK {

    private final int k;
    private int[] items = new int[16];
    private double[] scores = new double[16];
    private int size;

    TopK(int k) {
        this.k = k;
    }

    void offer(int item, double score) {
        if (size < k) {
            if (size == items.length) {
                items = Arrays.copyOf(items, Math.min(k, size * 2));
                scores = Arrays.copyOf(scores, items.length);
            }
            items[size] = item;
            scores[size] = score;
            up(size++);
        } else if (weaker(items[0], scores[0], item, score)) {
            items[0] = item;
            scores[0] = score;
            down(0);
        }
    }

    /** Best first. */
    int[] best() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> scores[a] != scores[b] ? Double.compare(scores[b], scores[a])
                : Integer.compare(items[a], items[b]));
        int[] best = new int[size];
        for (int i = 0; i < size; i++) {
            best[i] = items[order[i]];
        }
        return best;
    }

    double scoreOf(int item) {
        for (int i = 0; i < size; i++) {
            if (items[i] == item) {
                return scores[i];
            }
        }
        return 0;
    }

    /** Whether (a, sa) ranks below (b, sb). */
    private static boolean weaker(int a, double sa, int b, double sb) {
        return sa < sb || (sa == sb && a > b);
    }

    private void up(int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!weaker(items[i], scores[i], items[parent], scores[parent])) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void down(int i) {
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int weakest = i;
            if (l < size && weaker(items[l], scores[l], items[weakest], scores[weakest])) {
                weakest = l;
            }
            if (r < size && weaker(items[r], scores[r], items[weakest], scores[weakest])) {
                weakest = r;
            }
            if (weakest == i) {
                return;
            }
            swap(i, weakest);
            i = weakest;
        }
    }

    private void swap(int a, int b) {
        int item = items[a];
        items[a] = items[b];
        items[b] = item;
        double score = scores[a];
        scores[a] = scores[b];
        scores[b] = score;
    }
}
