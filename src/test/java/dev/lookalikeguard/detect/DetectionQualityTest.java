package dev.lookalikeguard.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.lookalikeguard.policy.Policy;
import dev.lookalikeguard.policy.ReferenceList;

/**
 * Detection quality on real data (../shared/data; skipped when absent): no real name is ever a
 * look-alike, look-alikes generated from real names are caught with the right nearest name, and
 * ordinary commercial domains are almost never flagged. Prints the figures and writes them to
 * target/detection-quality.md.
 */
class DetectionQualityTest {
    private static final int SAMPLE = 1500;
    private static final long SEED = 20261123L;
    private static final String LISTED = "army.mil, navy.mil, af.mil, marines.mil, spaceforce.mil, uscg.mil, "
        + "defense.gov, state.gov, dhs.gov, nasa.gov, treasury.gov, justice.gov";

    private static Set<String> realNames;
    private static List<String> sources;

    private static String condition(String sensitivity) {
        return "suffixes: mil, gov; domains: " + LISTED + "; lists: " + SharedData.dotGov() + ", "
            + SharedData.milDomains() + ", " + SharedData.milHostnames() + "; sensitivity: " + sensitivity;
    }

    @BeforeAll
    static void load() throws Exception {
        if (!SharedData.present()) {
            return;
        }
        realNames = new HashSet<>();
        for (Path list : List.of(SharedData.dotGov(), SharedData.milDomains(), SharedData.milHostnames())) {
            realNames.addAll(ReferenceList.load(list).domains());
        }
        List<String> registrables = new ArrayList<>(ReferenceList.load(SharedData.dotGov()).domains());
        registrables.addAll(ReferenceList.load(SharedData.milDomains()).domains());
        List<String> eligible = registrables.stream()
            .filter(name -> name.indexOf('.') >= 5 && name.indexOf('.') == name.lastIndexOf('.'))
            .sorted().collect(Collectors.toList());
        Collections.shuffle(eligible, new Random(SEED));
        sources = eligible.subList(0, Math.min(SAMPLE, eligible.size()));
    }

    @Test
    void noRegisteredGovOrListedMilNameIsEverALookalike() throws Exception {
        SharedData.require();
        Detector detector = Policy.parse(condition("paranoid")).detector();

        List<String> flagged = realNames.stream()
            .filter(name -> detector.check(name).kind() != Verdict.Kind.PROTECTED)
            .collect(Collectors.toList());

        assertThat(realNames).hasSizeGreaterThan(20_000);
        assertThat(flagged).isEmpty();
    }

    @Test
    void generatedLookalikesAreCaughtWithTheRightNearestNameAndOrdinaryDomainsAreNot() throws Exception {
        SharedData.require();
        Detector balanced = Policy.parse(condition("balanced")).detector();
        Random random = new Random(SEED);
        Map<LookalikeGenerator.Kind, int[]> counts = new EnumMap<>(LookalikeGenerator.Kind.class);
        List<String> misses = new ArrayList<>();

        for (String source : sources) {
            int dot = source.indexOf('.');
            String label = source.substring(0, dot);
            String suffix = source.substring(dot + 1);
            for (LookalikeGenerator.Kind kind : LookalikeGenerator.Kind.values()) {
                if (kind == LookalikeGenerator.Kind.SUFFIX_SWAP) {
                    continue;
                }
                Optional<String> lookalike = LookalikeGenerator.generate(kind, label, suffix, random);
                if (lookalike.isEmpty() || isReal(lookalike.get())) {
                    continue;
                }
                int[] c = counts.computeIfAbsent(kind, k -> new int[3]);
                Verdict verdict = balanced.check(lookalike.get());
                c[0]++;
                if (verdict.isLookalike()) {
                    c[1]++;
                    if (verdict.nearest().orElse("").equals(source)) {
                        c[2]++;
                    } else if (misses.size() < 40) {
                        misses.add(lookalike.get() + " -> " + verdict.nearest().orElse("") + " (expected " + source + ")");
                    }
                } else if (misses.size() < 40) {
                    misses.add(lookalike.get() + " not flagged: " + verdict.explanation());
                }
            }
        }
        for (String listed : LISTED.split(",\\s*")) {
            int[] c = counts.computeIfAbsent(LookalikeGenerator.Kind.SUFFIX_SWAP, k -> new int[3]);
            Verdict verdict = balanced.check(listed.substring(0, listed.indexOf('.')) + ".com");
            c[0]++;
            c[1] += verdict.isLookalike() ? 1 : 0;
            c[2] += verdict.nearest().orElse("").equals(listed) ? 1 : 0;
        }

        List<String> ordinary = ordinaryDomains();
        List<String> ordinaryFlagged = ordinary.stream().filter(d -> balanced.check(d).isLookalike())
            .map(d -> d + " (" + balanced.check(d).explanation() + ")").collect(Collectors.toList());
        double ordinaryRate = (double) ordinaryFlagged.size() / ordinary.size();

        String report = report(counts, ordinary.size(), ordinaryFlagged, misses);
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "detection-quality.md"), report, StandardCharsets.UTF_8);

        int[] target = counts.entrySet().stream().filter(e -> e.getKey().singleEditOrHomoglyph)
            .map(Map.Entry::getValue).reduce(new int[3], (a, b) -> new int[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]});
        assertThat((double) target[2] / target[0]).as("recall on single-edit and homoglyph look-alikes").isGreaterThanOrEqualTo(0.97);
        assertThat(ordinaryRate).as("ordinary-domain flag rate at balanced: " + ordinaryFlagged).isLessThanOrEqualTo(0.005);
    }

    private static boolean isReal(String domain) {
        try {
            String ascii = DomainName.parse(domain).ascii();
            return realNames.stream().anyMatch(real -> ascii.equals(real) || ascii.endsWith("." + real));
        } catch (InvalidDomainException e) {
            return true;
        }
    }

    static List<String> ordinaryDomains() throws IOException {
        try (var in = DetectionQualityTest.class.getResourceAsStream("/ordinary-domains.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toList());
        }
    }

    private static String report(Map<LookalikeGenerator.Kind, int[]> counts, int ordinary, List<String> ordinaryFlagged,
                                 List<String> misses) {
        StringBuilder b = new StringBuilder();
        b.append("Detection quality at balanced, protecting .mil and .gov with the registered .gov list and the .mil lists\n");
        b.append("(").append(realNames.size()).append(" real names; look-alikes generated from ").append(sources.size())
            .append(" registered names of 5+ letters; seed ").append(SEED).append(")\n\n");
        b.append("| technique | generated | flagged | right nearest | recall |\n|---|---:|---:|---:|---:|\n");
        counts.forEach((kind, c) -> b.append(String.format("| %s%s | %d | %d | %d | %.3f |%n", kind.label(),
            kind == LookalikeGenerator.Kind.SUFFIX_SWAP ? " (names in domains:)" : "", c[0], c[1], c[2], (double) c[2] / c[0])));
        int[] target = counts.entrySet().stream().filter(e -> e.getKey().singleEditOrHomoglyph)
            .map(Map.Entry::getValue).reduce(new int[3], (x, y) -> new int[] {x[0] + y[0], x[1] + y[1], x[2] + y[2]});
        b.append(String.format("| **single edit + homoglyph** | %d | %d | %d | **%.3f** |%n", target[0], target[1], target[2],
            (double) target[2] / target[0]));
        b.append(String.format("%nOrdinary commercial domains flagged: %d of %d (%.2f%%)%n", ordinaryFlagged.size(), ordinary,
            100.0 * ordinaryFlagged.size() / ordinary));
        ordinaryFlagged.forEach(f -> b.append("  - ").append(f).append('\n'));
        if (!misses.isEmpty()) {
            b.append("\nFirst misses:\n");
            misses.forEach(m -> b.append("  - ").append(m).append('\n'));
        }
        return b.toString();
    }
}
