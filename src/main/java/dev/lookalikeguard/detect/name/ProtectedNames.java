package dev.lookalikeguard.detect.name;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;

/**
 * Everything the engine protects, indexed once for the techniques: protected suffixes, exact names
 * (listed and known domains and hosts), registrable cuts by suffix, glyph keys of whole names,
 * dot-less concatenations, and the labels that may be swapped to another suffix or combined with a word.
 * Immutable and thread-safe once built.
 *
 * <p>Two kinds of protected names: <em>listed</em> ones (the condition's {@code domains:}), which are
 * what the organisation writes to and whose look-alikes are searched under every suffix; and
 * <em>known</em> ones (lists, {@code known:}), real names that are never flagged and whose look-alikes are
 * searched under their own suffix (everywhere, too, when {@code crossSuffixForKnown} is set).
 */
public final class ProtectedNames {

    /** Where an exact name came from, for explanations. */
    public enum Origin {
        LISTED("protected domain"), KNOWN("known domain");

        private final String description;

        Origin(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private static final int MIN_CONCATENATION_LENGTH = 5;

    private final Set<String> suffixes;
    private final Set<String> completeSuffixes;
    private final Map<String, Origin> exact;
    private final List<Registrable> crossSuffix;
    private final int[] crossSuffixLabelLengths;
    private final DeletionIndex sameSuffixIndex;
    private final DeletionIndex crossSuffixIndex;
    /** The protected suffixes as index entries (label: the whole suffix), to find the ones a typed tail is near. */
    private final List<Registrable> suffixEntries;
    private final DeletionIndex suffixIndex;
    // Exact names, suffixes, whole-name keys, concatenations, cross-suffix groups and registrables by suffix, as
    // tables looked up with a stretch of a longer string (a tail, a part of a label): no substrings (see NameTable).
    private final NameTable<Origin> exactTable;
    private final NameTable<Boolean> suffixTable;
    private final NameTable<String> nameKeyTable;
    /** The key of the last label of every whole-name key: a name whose last label has another key is near none. */
    private final NameTable<Boolean> nameKeyEndings;
    private final NameTable<String> concatenationTable;
    private final NameTable<Boolean> concatenationEndingTable;
    private final NameTable<List<Registrable>> crossSuffixByKeyTable;
    private final NameTable<List<Registrable>> crossSuffixByLabelTable;
    private final NameTable<Map<String, Registrable>> bySuffixTable;
    private final boolean scan;
    /** Whether names are cut at the private section's suffixes too (learned names under dynv6.net, github.io). */
    private final boolean privateSuffixes;
    private final CommonWords words;

    private ProtectedNames(Builder builder) {
        this.scan = builder.scan;
        this.privateSuffixes = builder.privateSuffixes;
        this.suffixes = ImmutableSet.copyOf(builder.suffixes);
        this.completeSuffixes = ImmutableSet.copyOf(builder.completeSuffixes);
        this.exact = ImmutableMap.copyOf(builder.exact);
        this.words = CommonWords.english();
        // Cutting names (below) asks for protected suffixes already.
        this.suffixTable = new NameTable<>(suffixes.stream().collect(ImmutableMap.toImmutableMap(s -> s, s -> true)));
        Map<String, Map<String, Registrable>> suffixIndex = new HashMap<>();
        Map<String, String> keyIndex = new HashMap<>();
        Map<String, String> concatenationIndex = new HashMap<>();

        for (String suffix : suffixes) {
            int dot = suffix.indexOf('.');
            if (dot > 0) {
                String label = suffix.substring(0, dot);
                addRegistrable(suffixIndex, new Registrable(label, suffix.substring(dot + 1), true, words.contains(label)));
            }
            keyIndex.merge(nameKey(suffix), suffix, ProtectedNames::first);
        }
        exact.forEach((name, origin) -> {
            cut(name, origin == Origin.LISTED).ifPresent(registrable -> addRegistrable(suffixIndex, registrable));
            keyIndex.merge(nameKey(name), name, (a, b) -> preferred(a, b));
            String concatenated = Glyphs.key(name.replace(".", "").replace("-", ""));
            if (concatenated.length() >= MIN_CONCATENATION_LENGTH) {
                concatenationIndex.merge(concatenated, name, (a, b) -> preferred(a, b));
            }
        });

        ImmutableMap.Builder<String, Map<String, Registrable>> frozen = ImmutableMap.builder();
        suffixIndex.forEach((suffix, group) -> frozen.put(suffix, ImmutableMap.copyOf(group)));
        Map<String, Map<String, Registrable>> bySuffix = frozen.build();
        Map<String, String> nameKeys = ImmutableMap.copyOf(keyIndex);
        Map<String, String> concatenations = ImmutableMap.copyOf(concatenationIndex);
        /* The last two characters of every concatenation key: a label that ends otherwise spells none. */
        Set<String> concatenationEndings = concatenationIndex.keySet().stream().map(k -> k.substring(k.length() - 2))
            .collect(ImmutableSet.toImmutableSet());

        List<Registrable> all = new ArrayList<>();
        List<Registrable> cross = new ArrayList<>();
        Map<String, List<Registrable>> crossByKey = new HashMap<>();
        Map<String, List<Registrable>> crossByLabel = new HashMap<>();
        Set<Integer> crossLengths = new HashSet<>();
        bySuffix.values().forEach(group -> group.values().forEach(r -> {
            all.add(r);
            if (r.listed() || builder.crossSuffixForKnown) {
                cross.add(r);
                crossByKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
                crossByLabel.computeIfAbsent(r.label(), k -> new ArrayList<>()).add(r);
                crossLengths.add(r.label().length());
            }
        }));
        Map<String, List<Registrable>> crossSuffixByKey = frozenGroups(crossByKey);
        Map<String, List<Registrable>> crossSuffixByLabel = frozenGroups(crossByLabel);
        this.crossSuffix = ImmutableList.copyOf(cross);
        this.crossSuffixLabelLengths = crossLengths.stream().mapToInt(Integer::intValue).sorted().toArray();
        this.sameSuffixIndex = new DeletionIndex(all, true);
        this.suffixEntries = suffixes.stream().sorted().map(suffix -> new Registrable(suffix, "", true, false))
            .collect(ImmutableList.toImmutableList());
        this.suffixIndex = new DeletionIndex(suffixEntries, false);
        this.crossSuffixIndex = new DeletionIndex(cross, false);
        this.exactTable = new NameTable<>(exact);
        this.nameKeyTable = new NameTable<>(nameKeys);
        this.nameKeyEndings = new NameTable<>(nameKeys.keySet().stream().map(k -> k.substring(k.lastIndexOf('.') + 1))
            .distinct().collect(ImmutableMap.toImmutableMap(k -> k, k -> true)));
        this.concatenationTable = new NameTable<>(concatenations);
        this.concatenationEndingTable = new NameTable<>(concatenationEndings.stream()
            .collect(ImmutableMap.toImmutableMap(s -> s, s -> true)));
        this.crossSuffixByKeyTable = new NameTable<>(crossSuffixByKey);
        this.crossSuffixByLabelTable = new NameTable<>(crossSuffixByLabel);
        this.bySuffixTable = new NameTable<>(bySuffix);
    }

    private static Map<String, List<Registrable>> frozenGroups(Map<String, List<Registrable>> groups) {
        ImmutableMap.Builder<String, List<Registrable>> frozen = ImmutableMap.builder();
        groups.forEach((key, group) -> frozen.put(key, ImmutableList.copyOf(group)));
        return frozen.build();
    }

    private static String first(String a, String b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Of two names sharing a key: the listed one, else the first in name order. */
    private String preferred(String a, String b) {
        boolean aListed = exact.get(a) == Origin.LISTED;
        boolean bListed = exact.get(b) == Origin.LISTED;
        if (aListed != bListed) {
            return aListed ? a : b;
        }
        return first(a, b);
    }

    /** The glyph key of a whole name: the key of each label (folded from Unicode first), joined with dots. */
    public static String nameKey(String asciiName) {
        String visual = Glyphs.fold(Idna.toUnicode(asciiName));
        StringBuilder key = new StringBuilder(visual.length());
        int start = 0;
        while (true) {
            int dot = visual.indexOf('.', start);
            String label = dot < 0 ? visual.substring(start) : visual.substring(start, dot);
            key.append(Glyphs.key(label));
            if (dot < 0) {
                return key.toString();
            }
            key.append('.');
            start = dot + 1;
        }
    }

    private static void addRegistrable(Map<String, Map<String, Registrable>> index, Registrable registrable) {
        index.computeIfAbsent(registrable.suffix(), k -> new HashMap<>())
            .merge(registrable.label(), registrable, Registrable::mergedWith);
    }

    /** Cuts a protected name into its registrable label and suffix, e.g. us.army.mil into army + mil. */
    private Optional<Registrable> cut(String name, boolean listed) {
        String suffix = longestProtectedSuffixStrictlyAbove(name).or(() -> publicSuffixStrictlyAbove(name))
            .orElseGet(() -> name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : null);
        if (suffix == null) {
            return Optional.empty();
        }
        String rest = name.substring(0, name.length() - suffix.length() - 1);
        String label = rest.substring(rest.lastIndexOf('.') + 1);
        return Optional.of(new Registrable(label, suffix, listed, words.contains(label)));
    }

    /** The registrable cut of a protected name (army under mil for us.army.mil), if it has one. */
    public Optional<Registrable> registrableOf(String name) {
        return cut(name, false).map(c -> registrablesUnder(c.suffix()).get(c.label()));
    }

    /**
     * The public suffix {@code name} is strictly under, where these names are cut: the registry suffix
     * (ICANN section of the Public Suffix List), or any public suffix when the private section counts too.
     */
    public Optional<String> publicSuffixStrictlyAbove(String name) {
        return privateSuffixes ? PublicSuffixes.publicSuffixStrictlyAbove(name)
            : PublicSuffixes.registrySuffixStrictlyAbove(name);
    }

    /** Whether names are cut at the suffixes of the Public Suffix List's private section too. */
    public boolean cutsAtPrivateSuffixes() {
        return privateSuffixes;
    }

    /** {@link #publicSuffixStrictlyAbove} of the tail from {@code from}: where that suffix starts, or -1. */
    public int publicSuffixStart(TextHashes name, int from) {
        return privateSuffixes ? PublicSuffixes.publicSuffixStart(name, from) : PublicSuffixes.registrySuffixStart(name, from);
    }

    /** The longest protected suffix that {@code name} is strictly under (mod.gov.uk: gov.uk), if any. */
    public Optional<String> longestProtectedSuffixStrictlyAbove(String name) {
        int start = protectedSuffixStart(new TextHashes(name), 0, name.length());
        return start < 0 ? Optional.empty() : Optional.of(suffixTable.key(name, start, name.length()));
    }

    /**
     * Where the longest protected suffix that {@code name[from, to)} is strictly under starts (an index in
     * {@code name}), or -1.
     */
    public int protectedSuffixStart(TextHashes name, int from, int to) {
        String text = name.text();
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '.' && suffixTable.contains(name, i + 1, to)) {
                return i + 1;
            }
        }
        return -1;
    }

    public Set<String> suffixes() {
        return suffixes;
    }

    /** Whether {@code label} begins a protected suffix (mil, gov of gov.uk, mod of mod.uk): a government's. */
    public boolean isGovernmentLabel(String label) {
        for (String suffix : suffixes) {
            if (suffix.startsWith(label) && (suffix.length() == label.length() || suffix.charAt(label.length()) == '.')) {
                return true;
            }
        }
        return false;
    }

    public boolean isProtectedSuffix(String name) {
        return suffixTable.containsKey(name);
    }

    /** Whether {@code name[from, to)} is a protected suffix. */
    public boolean isProtectedSuffix(TextHashes name, int from, int to) {
        return suffixTable.contains(name, from, to);
    }

    /**
     * Whether the known names under this protected suffix are its whole registry (a name under it that
     * is not listed is not registered), as the public .gov registry is for gov.
     */
    public boolean isComplete(String suffix) {
        return completeSuffixes.contains(suffix);
    }

    /** The origin of an exact protected or known name, if it is one. */
    public Optional<Origin> exact(String name) {
        return Optional.ofNullable(exactTable.get(name));
    }

    /** The origin of {@code name[from, to)} when it is an exact protected or known name, else null. */
    public Origin exactOrigin(TextHashes name, int from, int to) {
        return exactTable.get(name, from, to);
    }

    /** The protected name that {@code name} equals or is under (mail.army.mil: army.mil), if any. */
    public Optional<String> coveringName(String name) {
        return coveringName(new TextHashes(name));
    }

    /** {@link #coveringName(String)} for a name whose prefix hashes are at hand. */
    public Optional<String> coveringName(TextHashes name) {
        String text = name.text();
        int start = coveringStart(name, 0, text.length());
        return start < 0 ? Optional.empty() : Optional.of(start == 0 ? text : exactTable.key(text, start, text.length()));
    }

    /**
     * Where the protected name that {@code name[from, to)} equals or is under starts (an index in {@code name}),
     * or -1: the longest such name, as {@link #coveringName} finds it.
     */
    public int coveringStart(TextHashes name, int from, int to) {
        String text = name.text();
        for (int start = from; start < to; start++) {
            if ((start == from || text.charAt(start - 1) == '.') && exactTable.contains(name, start, to)) {
                return start;
            }
        }
        return -1;
    }

    /** The registrable cuts under one suffix: label to cut. */
    public Map<String, Registrable> registrablesUnder(String suffix) {
        Map<String, Registrable> group = bySuffixTable.get(suffix);
        return group == null ? Map.of() : group;
    }

    /** Whether any protected name is registered directly under this suffix. */
    public boolean hasNamesUnder(String suffix) {
        return bySuffixTable.containsKey(suffix);
    }

    /**
     * Adds to {@code found} every registrable cut under {@code suffix} whose label's glyph key (full or light) may be
     * within {@code depth} (1 or 2) edits of {@code key} or {@code lightKey} (the typed label's) and that
     * {@code found} does not hold yet; depth 2 reaches keys of {@value DeletionIndex#DOUBLE_EDIT_LABEL}+ characters
     * only. A superset (verify with {@link GlyphDistance}), each cut once: a search one edit away, then two, passes
     * the same list, and the second adds only what the first did not find.
     */
    public void sameSuffixCandidates(String key, String lightKey, String suffix, int depth, List<Registrable> found) {
        Map<String, Registrable> group = bySuffixTable.get(suffix);
        if (group == null) {
            return;
        }
        if (scan) {
            group.values().forEach(r -> {
                if (reachable(key, lightKey, r, depth) && !r.isIn(found)) {
                    found.add(r);
                }
            });
            return;
        }
        IntConsumer each = id -> {
            Registrable candidate = sameSuffixIndex.entry(id);
            if (candidate.suffix().equals(suffix) && !candidate.isIn(found)) {
                found.add(candidate);
            }
        };
        sameSuffixIndex.candidates(key, suffix, depth, each);
        if (!lightKey.equals(key)) {
            sameSuffixIndex.candidates(lightKey, suffix, depth, each);
        }
    }

    /**
     * Like {@link #sameSuffixCandidates} across every suffix, among the names whose look-alikes are searched
     * under other suffixes too (the listed ones).
     */
    public void crossSuffixCandidates(String key, String lightKey, int depth, Consumer<Registrable> consumer) {
        if (scan) {
            crossSuffix.forEach(r -> {
                if (reachable(key, lightKey, r, depth)) {
                    consumer.accept(r);
                }
            });
            return;
        }
        List<Registrable> seen = new ArrayList<>(4);
        IntConsumer each = id -> {
            Registrable candidate = crossSuffixIndex.entry(id);
            if (!candidate.isIn(seen)) {
                seen.add(candidate);
                consumer.accept(candidate);
            }
        };
        crossSuffixIndex.candidates(key, "", depth, each);
        if (!lightKey.equals(key)) {
            crossSuffixIndex.candidates(lightKey, "", depth, each);
        }
    }

    /** Whether an index look-up with either typed key finds either key of the target (see the method below). */
    private static boolean reachable(String key, String lightKey, Registrable target, int depth) {
        return reachable(key, target.key(), depth) || reachable(key, target.lightKey(), depth)
            || reachable(lightKey, target.key(), depth) || reachable(lightKey, target.lightKey(), depth);
    }

    /**
     * What a deletion-index look-up finds, for the scan: a target sharing a string with the key when up to
     * {@code depth} characters are deleted from the key and one from the target (two from targets of
     * {@value DeletionIndex#DOUBLE_EDIT_LABEL}+ characters at depth 2), i.e. a long enough common subsequence.
     */
    private static boolean reachable(String key, String target, int depth) {
        if (target.length() < DeletionIndex.MIN_LABEL) {
            return false;
        }
        int targetDeletions = depth == 2 && target.length() >= DeletionIndex.DOUBLE_EDIT_LABEL ? 2 : 1;
        // A common string is at most as long as the shorter of the two: most targets fail on length alone.
        if (target.length() < key.length() - depth || key.length() < target.length() - targetDeletions) {
            return false;
        }
        return EditDistance.shareSubsequence(key, target, Math.max(key.length() - depth, target.length() - targetDeletions));
    }

    /**
     * Every protected suffix whose glyph key (full or light) may be within one edit of {@code tailKey} or
     * {@code tailLightKey} (the keys of a typed name's last labels, joined with dots): a superset, verify with
     * {@link GlyphDistance}.
     */
    public void suffixesNear(String tailKey, String tailLightKey, Consumer<String> consumer) {
        if (scan) {
            suffixEntries.forEach(entry -> {
                if (reachable(tailKey, tailLightKey, entry, 1)) {
                    consumer.accept(entry.label());
                }
            });
            return;
        }
        List<Registrable> seen = new ArrayList<>(2);
        IntConsumer each = id -> {
            Registrable entry = suffixIndex.entry(id);
            if (!entry.isIn(seen)) {
                seen.add(entry);
                consumer.accept(entry.label());
            }
        };
        suffixIndex.candidates(tailKey, "", 1, each);
        if (!tailLightKey.equals(tailKey)) {
            suffixIndex.candidates(tailLightKey, "", 1, each);
        }
    }

    /**
     * Whether a typed tail whose key (full or light) is this long may be near a protected suffix at all (see
     * {@link #suffixesNear}): by length alone, so a technique can skip building the tail and its keys.
     */
    public boolean maySuffixKeyBeNear(int keyLength) {
        return suffixIndex.mayMatch(keyLength, 1);
    }

    /**
     * Whether the text is a common English word (antagonist, policeman): a label that is a word is not a
     * protected label with a word added, even if it contains one.
     */
    public boolean isCommonWord(String text) {
        return words.contains(text);
    }

    /** The names searched across suffixes whose label has exactly this glyph key. */
    public List<Registrable> crossSuffixWithKey(String key) {
        List<Registrable> group = crossSuffixByKeyTable.get(key);
        return group == null ? List.of() : group;
    }

    /** The names searched across suffixes whose label is exactly {@code text[from, to)} (a stretch of a name); empty if none. */
    public List<Registrable> crossSuffixLabelled(TextHashes text, int from, int to) {
        List<Registrable> group = crossSuffixByLabelTable.get(text, from, to);
        return group == null ? List.of() : group;
    }

    /** Lengths of the labels of the names searched across suffixes, ascending (for substring searches). */
    public int[] crossSuffixLabelLengths() {
        return crossSuffixLabelLengths;
    }

    /** The protected name or suffix whose whole-name glyph key is this one, if any. */
    public Optional<String> withNameKey(String nameKey) {
        return Optional.ofNullable(nameKeyTable.get(nameKey));
    }

    /** The protected name or suffix whose whole-name glyph key is {@code key[from, to)}, or null. */
    public String withNameKey(TextHashes key, int from, int to) {
        return nameKeyTable.get(key, from, to);
    }

    /**
     * Whether some protected name or suffix has a whole-name key whose last label's key is {@code key[from, to)}:
     * if not, no tail of a name ending with that key is any protected name's key (see {@link #withNameKey}).
     */
    public boolean mayEndANameKey(TextHashes key, int from, int to) {
        return nameKeyEndings.contains(key, from, to);
    }

    /** {@link #mayEndANameKey(TextHashes, int, int)} for the key of a last label on its own. */
    public boolean mayEndANameKey(String lastLabelKey) {
        return nameKeyEndings.contains(lastLabelKey, 0, lastLabelKey.length());
    }

    /** Whether some protected name's concatenation key ends as {@code key} does (its last two characters). */
    public boolean mayEndAConcatenation(String key) {
        return key.length() >= 2 && concatenationEndingTable.contains(key, key.length() - 2, key.length());
    }

    /**
     * The protected name whose labels, run together without dots or hyphens, have this glyph key
     * (armymil: army.mil; whitewaterwigov: whitewater-wi.gov), if any.
     */
    public Optional<String> concatenatedAs(String key) {
        return Optional.ofNullable(concatenatedAs(new TextHashes(key), 0));
    }

    /** The protected name whose concatenation key is the tail of {@code key} from {@code from}, or null. */
    public String concatenatedAs(TextHashes key, int from) {
        int to = key.length();
        if (to - from < 2 || !concatenationEndingTable.contains(key, to - 2, to)) {
            return null;
        }
        return concatenationTable.get(key, from, to);
    }

    public int size() {
        return exact.size() + suffixes.size();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects names; every name must already be canonical ASCII. */
    public static final class Builder {
        private final Set<String> suffixes = new HashSet<>();
        private final Set<String> completeSuffixes = new HashSet<>();
        private final Map<String, Origin> exact = new HashMap<>();
        private boolean crossSuffixForKnown;
        private boolean scan;
        private boolean privateSuffixes;

        public Builder suffix(String asciiSuffix) {
            suffixes.add(asciiSuffix);
            return this;
        }

        /** A protected suffix whose registry the known names hold completely (see {@link #isComplete}). */
        public Builder completeSuffix(String asciiSuffix) {
            completeSuffixes.add(asciiSuffix);
            return this;
        }

        /** A domain the admin listed as protected: its look-alikes are searched under every suffix. */
        public Builder listed(String asciiName) {
            exact.put(asciiName, Origin.LISTED);
            return this;
        }

        /** A real domain from a reference list: never a look-alike itself, and protected from look-alikes. */
        public Builder known(String asciiName) {
            exact.putIfAbsent(asciiName, Origin.KNOWN);
            return this;
        }

        public Builder known(Collection<String> asciiNames) {
            asciiNames.forEach(this::known);
            return this;
        }

        /** Search look-alikes of known names under other suffixes too (paranoid). */
        public Builder crossSuffixForKnown(boolean value) {
            this.crossSuffixForKnown = value;
            return this;
        }

        /**
         * Cut names at the suffixes of the Public Suffix List's private section too (a name under dynv6.net or
         * github.io is registered there, by whoever asks): for names learned from mail, which are often there.
         */
        public Builder privateSuffixes(boolean value) {
            this.privateSuffixes = value;
            return this;
        }

        /**
         * Answer candidate searches by comparing with every name instead of asking the deletion indexes:
         * same answers, cost proportional to the list (the test oracle and benchmark baseline).
         */
        public Builder scan(boolean value) {
            this.scan = value;
            return this;
        }

        public ProtectedNames build() {
            return new ProtectedNames(this);
        }
    }
}
