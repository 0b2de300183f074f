package io.clipfeed.platform;

import java.security.SecureRandom;

/**
 * Opaque identifiers: 20 characters of a URL-safe alphabet, 119 bits of randomness. Ids are never built from user
 * input, and {@link #isWellFormed} lets every edge reject a traversal-looking or oversized id before using it.
 */
public final class Ids {

    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();
    private static final int LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String newId() {
        char[] out = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }

    public static boolean isWellFormed(String id) {
        if (id == null || id.length() < 8 || id.length() > 40) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true; // as [0-9a-zA-Z]{8,40}, without a regex: checked on every media and API request
    }

    /** Returns the id, or throws a 404 problem: a malformed id names nothing that exists. */
    public static String requireWellFormed(String id, String what) {
        if (!isWellFormed(id)) {
            throw ApiProblem.notFound("No " + what + " has this id.");
        }
        return id;
    }
}
