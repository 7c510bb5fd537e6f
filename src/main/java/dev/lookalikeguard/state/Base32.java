package dev.lookalikeguard.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

import com.google.common.io.BaseEncoding;

/**
 * Lower-case RFC 4648 base 32 ({@code a-z2-7}) for the guard's keys and tokens: safe in file names, URLs,
 * subjects and mail repository keys, and case-insensitive to read back.
 */
final class Base32 {
    static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    private static final BaseEncoding ENCODING = BaseEncoding.base32().lowerCase().omitPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Base32() {
    }

    /** {@code value} (not negative) in exactly {@code chars} characters, most significant first, so keys sort by it. */
    static String fixed(long value, int chars) {
        char[] out = new char[chars];
        long rest = value;
        for (int i = chars - 1; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (rest & 31));
            rest >>>= 5;
        }
        if (rest != 0 || value < 0) {
            throw new IllegalArgumentException(value + " does not fit in " + chars + " base-32 characters");
        }
        return new String(out);
    }

    /** The inverse of {@link #fixed}. */
    static long parseFixed(String text) {
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            int digit = ALPHABET.indexOf(text.charAt(i));
            if (digit < 0) {
                throw new IllegalArgumentException("not base 32: " + text);
            }
            value = (value << 5) | digit;
        }
        return value;
    }

    /** The first {@code chars} characters of the SHA-256 of {@code text} (UTF-8). */
    static String digest(String text, int chars) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return ENCODING.encode(hash).substring(0, chars);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    static String encode(byte[] bytes, int chars) {
        return ENCODING.encode(bytes).substring(0, chars);
    }

    /** {@code chars} random characters (5 bits each) from a SecureRandom. */
    static String random(int chars) {
        byte[] bytes = new byte[(chars * 5 + 7) / 8];
        RANDOM.nextBytes(bytes);
        return ENCODING.encode(bytes).substring(0, chars);
    }

    static boolean isBase32(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (ALPHABET.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
