package dev.lookalikeguard.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.google.common.collect.ImmutableList;

import dev.lookalikeguard.detect.Detector;
import dev.lookalikeguard.detect.DomainName;
import dev.lookalikeguard.detect.InvalidDomainException;
import dev.lookalikeguard.detect.LookalikeGenerator;
import dev.lookalikeguard.detect.Sensitivity;
import dev.lookalikeguard.detect.Techniques;
import dev.lookalikeguard.detect.Verdict;
import dev.lookalikeguard.policy.Policy;
import dev.lookalikeguard.policy.PolicyException;
import dev.lookalikeguard.policy.ReferenceList;

/**
 * What the benchmarks feed the engine: the condition of {@code ../shared/eval-dev/condition.txt}
 * (the real .gov/.mil lists of {@code ../shared/data}, 63 protected domains, its suffixes and
 * sensitivity) and recipients nobody here generated, per kind:
 * <ul>
 *   <li>{@code clean-popular}: the popular non-government domains of {@code negatives.tsv} (kind {@code ordinary});</li>
 *   <li>{@code clean-freemail}: the free-mail provider domains of {@code mailproviders.tsv};</li>
 *   <li>{@code lookalike}: the look-alikes of {@code positives.tsv} (every technique, Unicode and case forms);</li>
 *   <li>{@code protected}: the real names of the configured lists;</li>
 *   <li>{@code protected-1k}: the first {@value #SAME_NAMES} of those names (all of them when fewer are configured),
 *       so that the larger sizes check the same recipients as the 1,000-name one, with the other names configured
 *       too (only the JMH table has this row);</li>
 *   <li>{@code lookalike-gov-mil}: the look-alikes of {@code lookalike} that end in {@code .gov} or {@code .mil}, where
 *       the naive scan compares the label with every name of the suffix's list (elsewhere it has only the 63 listed
 *       domains to compare with, a short list, so the scan costs about what the index does): the index's own share of
 *       a check (only the JMH table has this row).</li>
 * </ul>
 * Smaller list sizes keep the condition's suffixes and domains and take the first N names of the
 * lists in a fixed shuffled order. Only when {@code ../shared} is absent are names and look-alikes
 * synthetic (and {@link #real()} says so; the generated names go to target/bench/ and are configured
 * as a list). Nothing is copied into the repository: the files are read where they are.
 */
final class BenchInputs {
    /** The look-alikes under the two suffixes with thousands of names (see the class comment). */
    static final String UNDER_LISTS = "lookalike-gov-mil";
    static final List<String> KINDS = List.of("clean-popular", "clean-freemail", "lookalike", "protected");
    /** The kinds of the JMH table: every kind, the configured names checked at every list size, the look-alikes under .gov and .mil. */
    static final List<String> JMH_KINDS = ImmutableList.<String>builder().addAll(KINDS).add("protected-1k")
        .add(UNDER_LISTS).build();
    /** How many configured names the {@code protected-1k} kind checks at every list size. */
    static final int SAME_NAMES = 1000;
    private static final long SEED = 42L;
    private static Condition condition;
    private static List<String> allNames;

    private BenchInputs() {
    }

    static Path sharedData() {
        return Path.of(System.getProperty("lookalike.shared.data", "../shared/data")).toAbsolutePath().normalize();
    }

    static Path evalDev() {
        return Path.of(System.getProperty("lookalike.eval.dev", sharedData().resolveSibling("eval-dev").toString()))
            .toAbsolutePath().normalize();
    }

    /** Whether the real lists and the eval-dev corpus are there (else everything is synthetic). */
    static boolean real() {
        return Files.isRegularFile(sharedData().resolve("dotgov-domains.csv"))
            && Files.isRegularFile(evalDev().resolve("condition.txt"))
            && Files.isRegularFile(evalDev().resolve("positives.tsv"));
    }

    static String describe() {
        return real()
            ? "real inputs: condition " + evalDev().resolve("condition.txt") + " (lists from " + sharedData()
                + "), recipients from " + evalDev()
            : "SYNTHETIC inputs (the lists or the eval-dev corpus of ../shared not found: looked in " + sharedData() + " and "
                + evalDev() + "): generated names and look-alikes, clean from the packaged ordinary-domains.txt";
    }

    /** The condition the benchmarks run with. */
    static synchronized Condition condition() {
        if (condition == null) {
            condition = real() ? Condition.read(evalDev().resolve("condition.txt")) : Condition.synthetic();
        }
        return condition;
    }

    /** {@code size} names of the condition's lists (all of them when size is larger), in a fixed shuffled order. */
    static synchronized List<String> names(int size) throws PolicyException {
        if (allNames == null) {
            allNames = loadAllNames();
        }
        return size >= allNames.size() ? allNames : allNames.subList(0, size);
    }

    private static List<String> loadAllNames() throws PolicyException {
        Set<String> unique = new TreeSet<>();
        for (Path list : condition().lists) {
            unique.addAll(ReferenceList.load(list).domains());
        }
        List<String> all = new ArrayList<>(unique);
        Collections.shuffle(all, new Random(SEED));
        return Collections.unmodifiableList(all);
    }

    /** The condition's detector with only {@code names} from its lists; the naive scan on request. */
    static Detector detector(List<String> names, boolean naive) {
        Detector.Builder builder = condition().builder().knownCanonicalDomains(names);
        if (naive) {
            builder.naiveScan();
        }
        return builder.build();
    }

    /** The recipients of one kind for a list of this size, in a fixed shuffled order. */
    static String[] inputs(String kind, int size) throws IOException, PolicyException {
        List<String> inputs;
        switch (kind) {
            case "clean-popular":
                inputs = real() ? column(evalDev().resolve("negatives.tsv"), "ordinary") : packagedOrdinary();
                break;
            case "clean-freemail":
                inputs = real() ? column(evalDev().resolve("mailproviders.tsv"), "ordinary") : packagedOrdinary();
                break;
            case "lookalike":
                inputs = real() ? column(evalDev().resolve("positives.tsv"), null) : generatedLookalikes(names(size));
                break;
            case UNDER_LISTS:
                inputs = Arrays.stream(inputs("lookalike", size)).filter(BenchInputs::underLists)
                    .collect(Collectors.toList());
                break;
            case "protected":
                inputs = new ArrayList<>(names(size));
                break;
            case "protected-1k":
                inputs = new ArrayList<>(names(Math.min(size, SAME_NAMES)));
                break;
            default:
                throw new IllegalArgumentException("unknown input kind " + kind + "; expected one of " + JMH_KINDS);
        }
        if (inputs.isEmpty()) {
            throw new IllegalStateException("no recipients of kind " + kind + " for " + size + " names");
        }
        List<String> shuffled = new ArrayList<>(inputs);
        Collections.shuffle(shuffled, new Random(SEED));
        return shuffled.toArray(String[]::new);
    }

    /** Whether a recipient, in its canonical form, ends in .gov or .mil (an invalid one does not). */
    private static boolean underLists(String recipient) {
        try {
            String ascii = DomainName.parse(recipient).ascii();
            return ascii.endsWith(".gov") || ascii.endsWith(".mil");
        } catch (InvalidDomainException e) {
            return false;
        }
    }

    /** First column of a TSV file with a header, optionally only the rows whose second column is {@code kind}. */
    static List<String> column(Path tsv, String kind) throws IOException {
        List<String> values = new ArrayList<>();
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split("\t", -1);
            if (!fields[0].isEmpty() && (kind == null || (fields.length > 1 && fields[1].equals(kind)))) {
                values.add(fields[0]);
            }
        }
        return values;
    }

    private static List<String> packagedOrdinary() throws IOException {
        try (InputStream in = BenchInputs.class.getResourceAsStream("/ordinary-domains.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toList());
        }
    }

    private static List<String> generatedLookalikes(List<String> names) {
        Random random = new Random(SEED);
        Set<String> known = new LinkedHashSet<>(names);
        List<String> lookalikes = new ArrayList<>();
        LookalikeGenerator.Kind[] kinds = LookalikeGenerator.Kind.values();
        for (int i = 0; lookalikes.size() < 4096 && i < 400_000; i++) {
            String source = names.get(random.nextInt(names.size()));
            int dot = source.indexOf('.');
            Optional<String> lookalike = LookalikeGenerator.generate(kinds[i % kinds.length], source.substring(0, dot),
                source.substring(dot + 1), random);
            lookalike.filter(l -> !known.contains(l)).ifPresent(lookalikes::add);
        }
        return lookalikes;
    }

    /** Everything a verdict says, on one line. */
    static String describe(Verdict verdict) {
        return verdict.kind().label() + " " + verdict.domain() + " nearest=" + verdict.nearest().orElse("-") + " technique="
            + verdict.technique().orElse("-") + " score=" + verdict.score() + " (" + verdict.explanation() + ")";
    }

    /**
     * A matcher condition split into its clauses. The benchmarks build the detector from these with
     * {@link Detector#builder()} (so that the list size can vary and the naive scan can be asked for);
     * {@link #checkSameAsPolicy} proves that this gives the verdicts of {@link Policy#parse} itself.
     */
    static final class Condition {
        final String text;
        final List<String> suffixes;
        final List<String> domains;
        final List<String> known;
        final List<String> allow;
        final List<Path> lists;
        final Sensitivity sensitivity;
        final Set<String> disabledTechniques;

        private final Map<String, List<String>> clauses;

        private Condition(String text, Map<String, List<String>> clauses) {
            this.text = text;
            this.clauses = clauses;
            this.suffixes = clauses.getOrDefault("suffixes", List.of());
            this.domains = clauses.getOrDefault("domains", List.of());
            this.known = clauses.getOrDefault("known", List.of());
            this.allow = clauses.getOrDefault("allow", List.of());
            this.lists = clauses.getOrDefault("lists", List.of()).stream().map(Path::of).collect(Collectors.toList());
            List<String> sensitivityValue = clauses.getOrDefault("sensitivity", List.of("balanced"));
            this.sensitivity = Sensitivity.parse(sensitivityValue.get(0));
            Set<String> enabled = new LinkedHashSet<>();
            List<String> techniques = clauses.getOrDefault("techniques", List.of("all"));
            for (String value : techniques) {
                if (value.equals("all")) {
                    enabled.addAll(Techniques.NAMES);
                } else if (value.startsWith("-")) {
                    enabled.remove(value.substring(1));
                } else {
                    enabled.add(value);
                }
            }
            Set<String> disabled = new LinkedHashSet<>(Techniques.NAMES);
            disabled.removeAll(enabled);
            this.disabledTechniques = disabled;
        }

        /** Reads condition.txt; its list paths are relative to the project root, made absolute here. */
        static Condition read(Path file) {
            try {
                String raw = Files.readString(file, StandardCharsets.UTF_8);
                Map<String, List<String>> clauses = new LinkedHashMap<>();
                StringBuilder text = new StringBuilder();
                for (String clause : raw.split(";")) {
                    if (clause.isBlank()) {
                        continue;
                    }
                    int colon = clause.indexOf(':');
                    String name = clause.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                    List<String> values = new ArrayList<>();
                    for (String value : clause.substring(colon + 1).strip().split("[,\\s]+")) {
                        if (!value.isEmpty()) {
                            values.add(name.equals("lists") ? listPath(value) : value);
                        }
                    }
                    clauses.put(name, values);
                    text.append(text.length() == 0 ? "" : "; ").append(name).append(": ").append(String.join(", ", values));
                }
                return new Condition(text.toString(), clauses);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** condition.txt names ../shared/data/X relative to the project root: X in the configured shared data folder. */
        private static String listPath(String value) {
            boolean optional = value.startsWith("?");
            String path = optional ? value.substring(1) : value;
            Path resolved = path.startsWith("../shared/data/")
                ? sharedData().resolve(path.substring("../shared/data/".length()))
                : Path.of(path).toAbsolutePath().normalize();
            return (optional ? "?" : "") + resolved;
        }

        /** 20,000 generated .gov/.mil names, written to target/bench/synthetic-names.txt and configured as a list. */
        static Condition synthetic() {
            Random random = new Random(SEED);
            Set<String> names = new TreeSet<>();
            while (names.size() < 20_000) {
                StringBuilder label = new StringBuilder();
                for (int i = 0, n = 4 + random.nextInt(12); i < n; i++) {
                    label.append((char) ('a' + random.nextInt(26)));
                }
                names.add(label + (random.nextInt(5) == 0 ? ".mil" : ".gov"));
            }
            Path list = Path.of("target", "bench", "synthetic-names.txt").toAbsolutePath();
            try {
                Files.createDirectories(list.getParent());
                Files.write(list, names, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, List<String>> clauses = new LinkedHashMap<>();
            clauses.put("suffixes", List.of("mil", "gov"));
            clauses.put("domains", List.of("army.mil", "defense.gov"));
            clauses.put("lists", List.of(list.toString()));
            return new Condition("suffixes: mil, gov; domains: army.mil, defense.gov; lists: " + list, clauses);
        }

        /** A builder with everything of the condition but its lists. */
        Detector.Builder builder() {
            Detector.Builder builder = Detector.builder();
            suffixes.forEach(builder::protectSuffix);
            domains.forEach(builder::protectDomain);
            known.forEach(builder::knownDomain);
            allow.forEach(builder::allow);
            disabledTechniques.forEach(builder::disable);
            clauses.getOrDefault("complete", List.of()).forEach(builder::completeSuffix);
            for (Path list : lists) {
                // As Policy does: a .gov registry CSV holds its suffix's whole registry.
                try {
                    ReferenceList loaded = ReferenceList.load(list);
                    if (loaded.isRegistry()) {
                        loaded.commonSuffix().filter(suffixes::contains).ifPresent(builder::completeSuffix);
                    }
                } catch (PolicyException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            }
            clauses.getOrDefault("minscore", List.of()).forEach(value -> builder.minScore(Integer.parseInt(value)));
            return builder.sensitivity(sensitivity);
        }

        /**
         * Fails unless the benchmark's detector with all names gives, on {@code inputs}, the verdicts of
         * the condition parsed by {@link Policy} (as the matcher and the checker parse it).
         */
        void checkSameAsPolicy(Detector benchmarkDetector, List<String> inputs) throws PolicyException {
            Detector policy = Policy.parse(text).detector();
            for (String input : inputs) {
                String expected = describe(policy.check(input));
                String actual = describe(benchmarkDetector.check(input));
                if (!expected.equals(actual)) {
                    throw new IllegalStateException("the benchmark's detector differs from Policy.parse(condition) on " + input
                        + ": " + actual + " instead of " + expected + "; update BenchInputs.Condition to the condition clauses");
                }
            }
        }
    }
}
