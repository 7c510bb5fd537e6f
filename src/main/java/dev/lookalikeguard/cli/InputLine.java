package dev.lookalikeguard.cli;

/** Extracts the domain from one input line: a domain, an address, or a full address with a display name. */
final class InputLine {
    private InputLine() {
    }

    /** army.ml, j@army.ml, "John" &lt;j@ARMY.ML&gt; and mailto:j@army.ml all give the domain part. */
    static String domainOf(String line) {
        String text = line.strip();
        int open = text.lastIndexOf('<');
        int close = text.lastIndexOf('>');
        if (open >= 0 && close > open) {
            text = text.substring(open + 1, close).strip();
        }
        if (text.regionMatches(true, 0, "mailto:", 0, "mailto:".length())) {
            text = text.substring("mailto:".length());
        }
        int at = text.lastIndexOf('@');
        return at >= 0 ? text.substring(at + 1).strip() : text;
    }
}
