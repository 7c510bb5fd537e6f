package dev.lookalikeguard.detect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;

/**
 * Everything the engine protects, indexed once for the techniques: protected suffixes, exact names
 * (listed and known domains and hosts), registrable cuts by suffix and by label, homoglyph skeletons
 * and dot-less concatenations. Immutable and thread-safe once built.
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
    private final Map<String, Origin> exact;
    private final Map<String, Map<String, Registrable>> bySuffix;
    private final Map<String, List<Registrable>> byLabel;
    private final Map<String, String> skeletons;
    private final Map<String, String> concatenations;
    private final DeletionIndex labelIndex;
    private final NameFilter exactFilter;
    private final NameFilter skeletonFilter;
    private final NameFilter concatenationFilter;

    private ProtectedNames(Builder builder) {
        this.suffixes = ImmutableSet.copyOf(builder.suffixes);
        this.exact = ImmutableMap.copyOf(builder.exact);
        Map<String, Map<String, Registrable>> suffixIndex = new HashMap<>();
        Map<String, List<Registrable>> labelIndex = new HashMap<>();
        Map<String, String> skeletonIndex = new HashMap<>();
        Map<String, String> concatenationIndex = new HashMap<>();

        for (String suffix : suffixes) {
            int dot = suffix.indexOf('.');
            if (dot > 0) {
                addRegistrable(suffixIndex, new Registrable(suffix.substring(0, dot), suffix.substring(dot + 1), true));
            }
            skeletonIndex.putIfAbsent(skeletonOf(suffix), suffix);
        }
        exact.forEach((name, origin) -> {
            cut(name, origin == Origin.LISTED).ifPresent(registrable -> addRegistrable(suffixIndex, registrable));
            skeletonIndex.putIfAbsent(skeletonOf(name), name);
            String concatenated = name.replace(".", "").replace("-", "");
            if (concatenated.length() >= MIN_CONCATENATION_LENGTH) {
                concatenationIndex.merge(concatenated, name, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        });
        suffixIndex.values().forEach(group -> group.values()
            .forEach(r -> labelIndex.computeIfAbsent(r.label(), k -> new ArrayList<>()).add(r)));

        ImmutableMap.Builder<String, Map<String, Registrable>> frozen = ImmutableMap.builder();
        suffixIndex.forEach((suffix, group) -> frozen.put(suffix, ImmutableMap.copyOf(group)));
        this.bySuffix = frozen.build();
        ImmutableMap.Builder<String, List<Registrable>> frozenLabels = ImmutableMap.builder();
        labelIndex.forEach((label, group) -> frozenLabels.put(label, ImmutableList.copyOf(group)));
        this.byLabel = frozenLabels.build();
        this.skeletons = ImmutableMap.copyOf(skeletonIndex);
        this.concatenations = ImmutableMap.copyOf(concatenationIndex);
        List<Registrable> all = new ArrayList<>();
        bySuffix.values().forEach(group -> all.addAll(group.values()));
        this.labelIndex = new DeletionIndex(all);
        this.exactFilter = new NameFilter(exact.keySet());
        this.skeletonFilter = new NameFilter(skeletons.keySet());
        this.concatenationFilter = new NameFilter(concatenations.keySet());
    }

    private static String skeletonOf(String asciiName) {
        try {
            return Skeletons.of(DomainName.parse(asciiName).unicode());
        } catch (InvalidDomainException e) {
            return Skeletons.of(asciiName);
        }
    }

    private static void addRegistrable(Map<String, Map<String, Registrable>> index, Registrable registrable) {
        index.computeIfAbsent(registrable.suffix(), k -> new HashMap<>())
            .merge(registrable.label(), registrable, Registrable::mergedWith);
    }

    /** Cuts a protected name into its registrable label and suffix, e.g. us.army.mil into army + mil. */
    private Optional<Registrable> cut(String name, boolean listed) {
        String suffix = longestProtectedSuffixStrictlyAbove(name)
            .or(() -> PublicSuffixes.registrySuffixStrictlyAbove(name))
            .orElseGet(() -> name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : null);
        if (suffix == null) {
            return Optional.empty();
        }
        String rest = name.substring(0, name.length() - suffix.length() - 1);
        String label = rest.substring(rest.lastIndexOf('.') + 1);
        return Optional.of(new Registrable(label, suffix, listed));
    }

    /** The longest protected suffix that {@code name} is strictly under (mod.gov.uk: gov.uk), if any. */
    public Optional<String> longestProtectedSuffixStrictlyAbove(String name) {
        int dot = name.indexOf('.');
        while (dot >= 0) {
            String tail = name.substring(dot + 1);
            if (suffixes.contains(tail)) {
                return Optional.of(tail);
            }
            dot = name.indexOf('.', dot + 1);
        }
        return Optional.empty();
    }

    public Set<String> suffixes() {
        return suffixes;
    }

    public boolean isProtectedSuffix(String name) {
        return suffixes.contains(name);
    }

    /** The origin of an exact protected or known name, if it is one. */
    public Optional<Origin> exact(String name) {
        return exactFilter.mightContain(name) ? Optional.ofNullable(exact.get(name)) : Optional.empty();
    }

    /** The protected name that {@code name} equals or is under (mail.army.mil: army.mil), if any. */
    public Optional<String> coveringName(String name) {
        String tail = name;
        while (true) {
            if (exactFilter.mightContain(tail) && exact.containsKey(tail)) {
                return Optional.of(tail);
            }
            int dot = tail.indexOf('.');
            if (dot < 0) {
                return Optional.empty();
            }
            tail = tail.substring(dot + 1);
        }
    }

    /** The registrable cuts under one suffix: label to cut. */
    public Map<String, Registrable> registrablesUnder(String suffix) {
        return bySuffix.getOrDefault(suffix, Map.of());
    }

    /**
     * The registrable cuts under {@code suffix} whose label may be within {@code edits} (1 or 2) of {@code label}
     * (a superset, from the deletion index: verify with {@link EditDistance}). Same result as filtering
     * {@link #registrablesUnder(String)} by distance, at the cost of a few hash look-ups.
     */
    public Collection<Registrable> labelCandidates(String label, String suffix, int edits) {
        if (!bySuffix.containsKey(suffix)) {
            return List.of();
        }
        List<Registrable> found = new ArrayList<>(4);
        labelIndex.candidates(label, suffix, edits, id -> {
            Registrable candidate = labelIndex.entry(id);
            if (candidate.suffix().equals(suffix) && !containsSame(found, candidate)) {
                found.add(candidate);
            }
        });
        return found;
    }

    /** Candidate lists are short: a linear identity check beats hashing. */
    private static boolean containsSame(List<Registrable> list, Registrable candidate) {
        for (Registrable r : list) {
            if (r == candidate) {
                return true;
            }
        }
        return false;
    }

    /** Number of keys in the label index (for benchmarks). */
    public int labelIndexKeys() {
        return labelIndex.keyCount();
    }

    /** Every registrable cut whose label is exactly {@code label}, whatever its suffix. */
    public List<Registrable> registrablesLabelled(String label) {
        return byLabel.getOrDefault(label, List.of());
    }

    /** The protected name or suffix with this skeleton, if any. */
    public Optional<String> withSkeleton(String skeleton) {
        return skeletonFilter.mightContain(skeleton) ? Optional.ofNullable(skeletons.get(skeleton)) : Optional.empty();
    }

    /**
     * The protected name whose labels, run together without dots or hyphens, spell {@code text}
     * (armymil: army.mil; whitewaterwigov: whitewater-wi.gov), if any.
     */
    public Optional<String> concatenatedAs(String text) {
        return concatenationFilter.mightContain(text) ? Optional.ofNullable(concatenations.get(text)) : Optional.empty();
    }

    public int size() {
        return exact.size() + suffixes.size();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects names; every name must already be canonical ASCII (see {@link DomainName}). */
    public static final class Builder {
        private final Set<String> suffixes = new HashSet<>();
        private final Map<String, Origin> exact = new HashMap<>();

        public Builder suffix(String asciiSuffix) {
            suffixes.add(asciiSuffix);
            return this;
        }

        public Builder suffixes(Collection<String> asciiSuffixes) {
            suffixes.addAll(asciiSuffixes);
            return this;
        }

        /** A domain the admin listed as protected: its look-alikes, including suffix swaps, are stopped. */
        public Builder listed(String asciiName) {
            exact.put(asciiName, Origin.LISTED);
            return this;
        }

        public Builder listed(Collection<String> asciiNames) {
            asciiNames.forEach(this::listed);
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

        public ProtectedNames build() {
            return new ProtectedNames(this);
        }
    }
}
