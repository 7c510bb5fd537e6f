package dev.lookalikeguard.detect.name;

import java.util.Locale;
import java.util.stream.Collectors;

import com.ibm.icu.text.IDNA;

/**
 * UTS #46 processing (non-transitional, STD3 rules, bidi and context checks), the one place the engine
 * maps host names between Unicode and ASCII. Thread-safe.
 */
public final class Idna {
    private static final IDNA UTS46 = IDNA.getUTS46Instance(IDNA.USE_STD3_RULES | IDNA.CHECK_BIDI
        | IDNA.CHECK_CONTEXTJ | IDNA.CHECK_CONTEXTO | IDNA.NONTRANSITIONAL_TO_ASCII
        | IDNA.NONTRANSITIONAL_TO_UNICODE);

    private Idna() {
    }

    /** The result of one mapping: the mapped name, or the errors found. */
    public static final class Result {
        private final String name;
        private final String errors;

        private Result(String name, String errors) {
            this.name = name;
            this.errors = errors;
        }

        public String name() {
            return name;
        }

        public boolean hasErrors() {
            return errors != null;
        }

        /** The errors in words (e.g. "label has disallowed character, punycode"), or null. */
        public String errors() {
            return errors;
        }
    }

    public static Result toAscii(String name) {
        StringBuilder out = new StringBuilder();
        IDNA.Info info = new IDNA.Info();
        UTS46.nameToASCII(name, out, info);
        return new Result(out.toString().toLowerCase(Locale.ROOT), info.hasErrors() ? describe(info) : null);
    }

    public static Result toUnicodeChecked(String asciiName) {
        StringBuilder out = new StringBuilder();
        IDNA.Info info = new IDNA.Info();
        UTS46.nameToUnicode(asciiName, out, info);
        return new Result(out.toString(), info.hasErrors() ? describe(info) : null);
    }

    /** The Unicode form of a canonical ASCII name (the name itself when it has no {@code xn--} label or is invalid). */
    public static String toUnicode(String asciiName) {
        if (!asciiName.contains("xn--")) {
            return asciiName;
        }
        Result result = toUnicodeChecked(asciiName);
        return result.hasErrors() ? asciiName : result.name();
    }

    private static String describe(IDNA.Info info) {
        return info.getErrors().stream().map(error -> error.name().toLowerCase(Locale.ROOT).replace('_', ' '))
            .sorted().collect(Collectors.joining(", "));
    }
}
