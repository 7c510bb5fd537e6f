package dev.lookalikeguard.detect.name;

import java.util.Random;

/** Random labels and typing mistakes for the engine's property tests (seeded, so every run checks the same ones). */
public final class RandomText {
    private RandomText() {
    }

    /** {@code length} characters drawn from {@code alphabet}. */
    public static String of(Random random, String alphabet, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    /** Swaps the characters at {@code at} and {@code at + 1}, when there is one after {@code at}. */
    public static void swap(StringBuilder b, int at) {
        if (at + 1 < b.length()) {
            char c = b.charAt(at);
            b.setCharAt(at, b.charAt(at + 1));
            b.setCharAt(at + 1, c);
        }
    }
}
