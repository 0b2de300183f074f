package io.clipfeed.feed;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dense int numbers for video ids, so the model's per-video structures are arrays and its links are ints rather
 * than strings in hash maps (learning a million interactions at start is mostly this bookkeeping). A number, once
 * given, stays with its id for the life of the process.
 */
final class VideoIndex {

    private final Map<String, Integer> numbers = new ConcurrentHashMap<>();
    private final Chunks<String> ids = new Chunks<>();
    private int next; // guarded by this

    /** The id's number, given now if it had none. */
    int of(String videoId) {
        Integer n = numbers.get(videoId);
        return n != null ? n : assign(videoId);
    }

    /** The id's number, or -1 when it has none. */
    int find(String videoId) {
        Integer n = numbers.get(videoId);
        return n == null ? -1 : n;
    }

    String id(int number) {
        return ids.get(number);
    }

    /** One more than the highest number given. */
    synchronized int size() {
        return next;
    }

    private synchronized int assign(String videoId) {
        Integer n = numbers.get(videoId);
        if (n != null) {
            return n;
        }
        int number = next++;
        ids.set(number, videoId); // readable before anyone can learn the number
        numbers.put(videoId, number);
        return number;
    }
}
