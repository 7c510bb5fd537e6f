package dev.lookalikeguard.detect;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.google.common.base.Preconditions;

import dev.lookalikeguard.detect.name.Idna;
import dev.lookalikeguard.detect.name.PublicSuffixes;
import dev.lookalikeguard.detect.name.TextHashes;
import dev.lookalikeguard.detect.name.VisualName;

/**
 * A host name normalised once: lower case, no trailing dot, IDN mapped by UTS #46 (non-transitional,
 * STD3 rules), so that {@code ARMY.MIL.}, {@code аrmy.mil} and its {@code xn--} form compare as
 * their canonical ASCII form. Immutable and thread-safe.
 */
public final class DomainName {
    private static final int MAX_INPUT_LENGTH = 1024;
    /** The longest host name and label UTS #46 accepts in ASCII form. */
    private static final int MAX_NAME_LENGTH = 253;
    private static final int MAX_LABEL_LENGTH = 63;

    private final String ascii;
    private final String unicode;
    /** Where each label starts in {@link #ascii}, and in {@link #unicode}. */
    private final int[] starts;
    private final int[] unicodeStarts;
    /** The labels, cut on first use (the engine itself works on offsets). */
    private List<String> labels;

    private DomainName(String ascii, String unicode) {
        this.ascii = ascii;
        this.unicode = unicode;
        this.starts = starts(ascii, count(ascii));
        this.unicodeStarts = unicode == ascii ? starts : starts(unicode, starts.length);
    }

    private static int count(String text) {
        int labels = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '.') {
                labels++;
            }
        }
        return labels;
    }

    /** Label start offsets, or null when the text does not have {@code count} labels. */
    private static int[] starts(String text, int count) {
        if (count(text) != count) {
            return null;
        }
        int[] starts = new int[count];
        int label = 0;
        for (int i = 0; i < text.length() && label < count; i++) {
            if (i == 0 || text.charAt(i - 1) == '.') {
                starts[label++] = i;
            }
        }
        return starts;
    }

    /**
     * Parses a domain as found in an address or a configuration list.
     *
     * @throws InvalidDomainException with a human reason when the string is not a host name
     */
    public static DomainName parse(String raw) throws InvalidDomainException {
        if (raw == null) {
            throw new InvalidDomainException("no domain");
        }
        String trimmed = raw.strip();
        if (trimmed.length() > MAX_INPUT_LENGTH) {
            throw new InvalidDomainException("longer than 253 characters");
        }
        if (trimmed.startsWith("[")) {
            throw new InvalidDomainException("an address literal, not a domain name");
        }
        if (trimmed.endsWith(".")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()) {
            throw new InvalidDomainException("empty domain");
        }
        String plain = plainAscii(trimmed);
        if (plain != null) {
            return new DomainName(plain, plain);
        }
        DomainName ace = aceInOnePass(trimmed);
        if (ace != null) {
            return ace;
        }
        return parseThroughIcu(trimmed);
    }

    /**
     * The two UTS #46 passes: to ASCII (which maps and checks the name, and encodes its Unicode labels), then back to
     * Unicode (which checks the {@code xn--} labels as Unicode): the reference for {@link #aceInOnePass(String)}.
     */
    static DomainName parseThroughIcu(String trimmed) throws InvalidDomainException {
        Idna.Result ascii = Idna.toAscii(trimmed);
        if (ascii.hasErrors()) {
            throw new InvalidDomainException("not a valid host name (" + ascii.errors() + ")");
        }
        String asciiName = ascii.name();
        if (asciiName.isEmpty() || asciiName.endsWith(".")) {
            throw new InvalidDomainException("empty label");
        }
        Idna.Result unicode = Idna.toUnicodeChecked(asciiName);
        if (unicode.hasErrors()) {
            throw new InvalidDomainException("not a valid internationalised name (" + unicode.errors() + ")");
        }
        return new DomainName(asciiName, unicode.name());
    }

    /**
     * An all-ASCII name that is not {@linkplain #plainAscii plain} (an {@code xn--} label, mostly) in one UTS #46 pass
     * instead of two, or null when the name is not valid or not all ASCII ({@link #parseThroughIcu} then says why).
     * To ASCII, such a name maps to itself lower-cased (UTS #46 leaves a valid {@code xn--} label as it is), and it is
     * valid when the pass to Unicode finds no error and its labels and length are within the limits that only the
     * pass to ASCII checks (63 and 253 characters). This rests on how ICU's UTS #46 processing (icu4j 74.2,
     * {@code com.ibm.icu.impl.UTS46}) treats ASCII input: both directions map and check it the same way, and only
     * toASCII checks lengths; {@code FastPathsMatchTheirReferencesTest} holds it to the two passes, so an ICU
     * upgrade that changes this fails there.
     */
    static DomainName aceInOnePass(String trimmed) {
        int length = trimmed.length();
        if (length > MAX_NAME_LENGTH || trimmed.endsWith(".")) {
            return null;
        }
        int labelStart = 0;
        for (int i = 0; i <= length; i++) {
            char c = i < length ? trimmed.charAt(i) : '.';
            if (c >= 0x80) {
                return null;
            }
            if (c == '.') {
                if (i - labelStart > MAX_LABEL_LENGTH) {
                    return null;
                }
                labelStart = i + 1;
            }
        }
        Idna.Result unicode = Idna.toUnicodeChecked(trimmed);
        if (unicode.hasErrors()) {
            return null;
        }
        return new DomainName(trimmed.toLowerCase(Locale.ROOT), unicode.name());
    }

    /**
     * The canonical ASCII form of {@code raw} when it is a name somebody registered, or one under it: a single
     * label or a bare public suffix ({@code com}, {@code ml}, {@code gov.uk}) is nobody's own name and is refused
     * with {@code refusal}, which says what taking it would do (allowing it, learning it, seeding it).
     */
    public static String parseBelowPublicSuffix(String raw, String refusal) throws InvalidDomainException {
        String ascii = parse(raw).ascii();
        if (PublicSuffixes.isSuffixOrTopLevel(ascii)) {
            throw new InvalidDomainException(refusal);
        }
        return ascii;
    }

    /**
     * The canonical form of an all-ASCII host name that UTS #46 would leave as it is (lower-cased):
     * letters, digits and hyphens, labels of 1 to 63 characters not starting or ending with a hyphen nor
     * with hyphens in third and fourth position (so no xn-- label), at most 253 characters. Null for
     * anything else, which goes through ICU.
     */
    static String plainAscii(String name) {
        int length = name.length();
        if (length > MAX_NAME_LENGTH) {
            return null;
        }
        char[] out = null;
        int labelStart = 0;
        for (int i = 0; i <= length; i++) {
            char c = i < length ? name.charAt(i) : '.';
            if (c == '.') {
                int labelLength = i - labelStart;
                if (labelLength == 0 || labelLength > MAX_LABEL_LENGTH || name.charAt(labelStart) == '-' || name.charAt(i - 1) == '-'
                    || (labelLength >= 4 && name.charAt(labelStart + 2) == '-' && name.charAt(labelStart + 3) == '-')) {
                    return null;
                }
                labelStart = i + 1;
            } else if (c >= 'A' && c <= 'Z') {
                if (out == null) {
                    out = name.toCharArray();
                }
                out[i] = (char) (c + ('a' - 'A'));
            } else if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return null;
            }
        }
        return out == null ? name : new String(out);
    }

    /** The parse through ICU's UTS #46 only (the reference for {@link #plainAscii(String)}). */
    static String icuAscii(String name) throws InvalidDomainException {
        Idna.Result ascii = Idna.toAscii(name);
        if (ascii.hasErrors()) {
            throw new InvalidDomainException(ascii.errors());
        }
        return ascii.name();
    }

    /** Canonical ASCII (A-label) form, lower case, no trailing dot. */
    public String ascii() {
        return ascii;
    }

    /** Unicode (U-label) form, used for homoglyph skeletons and for people. */
    public String unicode() {
        return unicode;
    }

    public List<String> labels() {
        List<String> list = labels;
        if (list == null) {
            String[] parts = new String[starts.length];
            for (int i = 0; i < parts.length; i++) {
                int end = i + 1 < parts.length ? starts[i + 1] - 1 : ascii.length();
                parts[i] = ascii.substring(starts[i], end);
            }
            list = List.of(parts);
            labels = list;
        }
        return list;
    }

    public boolean isInternationalized() {
        return !ascii.equals(unicode);
    }

    /** The labels from {@code index} to the end, joined: {@code tail(1)} of a.b.c is b.c. */
    public String tail(int index) {
        return index == 0 ? ascii : ascii.substring(starts[index]);
    }

    /** {@link #tail(int)} in Unicode form. */
    public String unicodeTail(int index) {
        if (unicodeStarts == null) {
            return tail(index);
        }
        return index == 0 ? unicode : unicode.substring(unicodeStarts[index]);
    }

    /** The labels before {@code index}, joined: {@code head(1)} of a.b.c is a. */
    public String head(int index) {
        return index >= starts.length ? ascii : ascii.substring(0, Math.max(0, starts[index] - 1));
    }

    /** For people: the ASCII form, followed by the Unicode form when they differ. */
    public String display() {
        return isInternationalized() ? unicode + " (" + ascii + ")" : ascii;
    }

    /**
     * A new reading of this name for the engine ({@link VisualName}: its visual form, labels and glyph keys), to
     * hand to every index the name is compared with, so that each part is computed once. Each call reads afresh.
     */
    public VisualName read() {
        return VisualName.of(new TextHashes(ascii), unicode);
    }

    /** Refuses a reading of another name (a caller that mixed two names up): IllegalArgumentException. */
    public void checkReading(VisualName read) {
        Preconditions.checkArgument(read.ascii().equals(ascii) && read.unicode().equals(unicode),
            "%s is not a reading of %s", read, display());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DomainName && ((DomainName) o).ascii.equals(ascii);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ascii);
    }

    @Override
    public String toString() {
        return ascii;
    }
}
