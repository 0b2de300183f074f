package io.clipfeed.feed;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A growable array indexed by int, read without locks while writers add to it. Storage grows by whole chunks that
 * are never copied, so a write can never be lost to a concurrent growth and a reader never sees a stale copy of an
 * element (each element is read and written with volatile semantics).
 */
final class Chunks<T> {

    private static final int BITS = 12;
    private static final int SIZE = 1 << BITS;
    private static final int MASK = SIZE - 1;

    @SuppressWarnings("unchecked")
    private volatile AtomicReferenceArray<T>[] chunks = new AtomicReferenceArray[0];

    /** The element at {@code i}, null when never set (or set to null). */
    T get(int i) {
        AtomicReferenceArray<T>[] c = chunks;
        int k = i >>> BITS;
        return i < 0 || k >= c.length ? null : c[k].get(i & MASK);
    }

    void set(int i, T value) {
        chunk(i).set(i & MASK, value);
    }

    /** Sets the element at {@code i} to {@code value} only if it is still null; returns the element now there. */
    T setIfAbsent(int i, T value) {
        AtomicReferenceArray<T> chunk = chunk(i);
        return chunk.compareAndSet(i & MASK, null, value) ? value : chunk.get(i & MASK);
    }

    private AtomicReferenceArray<T> chunk(int i) {
        int k = i >>> BITS;
        AtomicReferenceArray<T>[] c = chunks;
        if (k < c.length) {
            return c[k];
        }
        synchronized (this) {
            c = chunks;
            if (k >= c.length) {
                AtomicReferenceArray<T>[] grown = Arrays.copyOf(c, Math.max(k + 1, c.length * 2));
                for (int j = c.length; j < grown.length; j++) {
                    grown[j] = new AtomicReferenceArray<>(SIZE);
                }
                chunks = grown;
                c = grown;
            }
            return c[k];
        }
    }
}
