package dev.lookalikeguard.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.lookalikeguard.detect.score.Scoring.Band;
import dev.lookalikeguard.policy.Policy;

/**
 * Detection measured on the look-alike corpus the engine was not built from ({@code ../shared/eval-dev}:
 * dnstwist and more, real .gov/.mil names, popular sites, free-mail domains; skipped when absent), with
 * its own condition, as its scorer {@code score.py} measures the checker. Prints the figures per kind and
 * per band, writes them to {@code target/corpus-quality.md}, and holds the engine to the detection
 * issue's targets so that a change that loses them fails here.
 */
class CorpusQualityTest {
    private static final Path CORPUS = Path.of(System.getProperty("lookalike.eval.corpus", "../shared/eval-dev"));
    private static final List<String> RESTRICTED = List.of(".mil", ".gov", ".gov.uk", ".mod.uk");

    private static Detector detector;
    private static Set<String> tlds;
    private static List<Row> rows;

    /** One corpus line: the input, what it should be, and (for look-alikes) its target and kind. */
    private static final class Row {
        final String input;
        final String expected;
        final String target;
        final String kind;
        Verdict verdict;

        Row(String input, String expected, String target, String kind) {
            this.input = input;
            this.expected = expected;
            this.target = target;
            this.kind = kind;
        }
    }

    @BeforeAll
    static void check() throws Exception {
        if (!Files.isRegularFile(CORPUS.resolve("condition.txt")) || !SharedData.present()) {
            return;
        }
        detector = Policy.parse(Files.readString(CORPUS.resolve("condition.txt"), StandardCharsets.UTF_8)
            .replace('\n', ' ')).detector();
        tlds = new HashSet<>();
        for (String line : Files.readAllLines(SharedData.folder().resolve("iana-tlds.txt"), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                tlds.add(line.strip().toLowerCase(Locale.ROOT));
            }
        }
        rows = new ArrayList<>();
        read("positives.tsv", rows);
        read("negatives.tsv", rows);
        read("mailproviders.tsv", rows);
        for (Row row : rows) {
            row.verdict = detector.check(row.input);
        }
    }

    private static void read(String file, List<Row> into) throws IOException {
        List<String> lines = Files.readAllLines(CORPUS.resolve(file), StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split("\t"));
        int kindColumn = header.indexOf("kind");
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            if (kindColumn >= 0) {
                into.add(new Row(columns[0], columns[kindColumn].equals("protected") ? "protected" : "clean", "",
                    columns[kindColumn]));
            } else {
                into.add(new Row(columns[0], "lookalike", columns[1], columns[2]));
            }
        }
    }

    private static void requireCorpus() {
        assumeTrue(detector != null, "look-alike corpus not found at " + CORPUS.toAbsolutePath()
            + " (or ../shared/data absent; set -Dlookalike.eval.corpus=...): skipped");
    }

    private static String domainOf(String input) {
        try {
            return DomainName.parse(input).ascii();
        } catch (InvalidDomainException e) {
            return input.strip().toLowerCase(Locale.ROOT);
        }
    }

    private static boolean inside(Row row) {
        String domain = domainOf(row.input);
        return RESTRICTED.stream().anyMatch(domain::endsWith);
    }

    private static boolean registrable(Row row) {
        String domain = domainOf(row.input);
        return !inside(row) && tlds.contains(domain.substring(domain.lastIndexOf('.') + 1));
    }

    private static double rate(long hits, long total) {
        return total == 0 ? 0 : (double) hits / total;
    }

    @Test
    void catchesTheLookalikesThatLeakAndAlmostNothingElse() throws IOException {
        requireCorpus();
        List<Row> positives = new ArrayList<>();
        List<Row> protectedNames = new ArrayList<>();
        List<Row> ordinary = new ArrayList<>();
        for (Row row : rows) {
            (row.expected.equals("lookalike") ? positives : row.expected.equals("protected") ? protectedNames : ordinary)
                .add(row);
        }
        long hit = positives.stream().filter(r -> r.verdict.isLookalike()).count();
        List<Row> out = positives.stream().filter(r -> !inside(r)).collect(java.util.stream.Collectors.toList());
        List<Row> reg = out.stream().filter(CorpusQualityTest::registrable).collect(java.util.stream.Collectors.toList());
        List<Row> in = positives.stream().filter(CorpusQualityTest::inside).collect(java.util.stream.Collectors.toList());
        double recall = rate(hit, positives.size());
        double recallOut = rate(out.stream().filter(r -> r.verdict.isLookalike()).count(), out.size());
        double recallReg = rate(reg.stream().filter(r -> r.verdict.isLookalike()).count(), reg.size());
        double recallIn = rate(in.stream().filter(r -> r.verdict.isLookalike()).count(), in.size());
        long falsePositives = protectedNames.stream().filter(r -> r.verdict.isLookalike()).count();
        long flaggedOrdinary = ordinary.stream().filter(r -> r.verdict.isLookalike()).count();
        long rightNearest = positives.stream().filter(r -> r.verdict.isLookalike()
            && r.verdict.nearest().map(n -> n.equals(domainOf(r.target))).orElse(false)).count();
        double suggestAccuracy = rate(rightNearest, hit);

        StringBuilder report = new StringBuilder();
        report.append(String.format("recall=%.3f recall_out=%.3f recall_reg=%.3f recall_in=%.3f fp_protected=%d "
                + "flag_ordinary=%.4f (%d/%d) suggest_acc=%.3f%n%n", recall, recallOut, recallReg, recallIn, falsePositives,
            rate(flaggedOrdinary, ordinary.size()), flaggedOrdinary, ordinary.size(), suggestAccuracy));
        report.append(byKind(positives)).append('\n').append(byBand(positives, ordinary));
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "corpus-quality.md"), report.toString(), StandardCharsets.UTF_8);

        assertThat(falsePositives).as("real .gov/.mil names flagged").isZero();
        assertThat(recallReg).as("recall_reg").isGreaterThanOrEqualTo(0.97);
        assertThat(recallOut).as("recall_out").isGreaterThanOrEqualTo(0.97);
        assertThat(recallIn).as("recall_in").isGreaterThanOrEqualTo(0.85);
        assertThat(rate(flaggedOrdinary, ordinary.size())).as("flag_ordinary").isLessThanOrEqualTo(0.002);
        assertThat(suggestAccuracy).as("suggest_acc").isGreaterThanOrEqualTo(0.97);
    }

    private static String byKind(List<Row> positives) {
        Map<String, long[]> kinds = new TreeMap<>();
        for (Row row : positives) {
            long[] counts = kinds.computeIfAbsent(row.kind, k -> new long[2]);
            counts[1]++;
            counts[0] += row.verdict.isLookalike() ? 1 : 0;
        }
        StringBuilder table = new StringBuilder("| kind | look-alikes | caught | recall |\n|---|---:|---:|---:|\n");
        kinds.forEach((kind, c) -> table.append(String.format("| %s | %d | %d | %.3f |%n", kind, c[1], c[0],
            rate(c[0], c[1]))));
        return table.toString();
    }

    private static String byBand(List<Row> positives, List<Row> ordinary) {
        Map<Band, long[]> bands = new EnumMap<>(Band.class);
        for (Band band : Band.values()) {
            bands.put(band, new long[2]);
        }
        positives.stream().filter(r -> r.verdict.isLookalike()).forEach(r -> bands.get(r.verdict.band())[0]++);
        ordinary.stream().filter(r -> r.verdict.isLookalike()).forEach(r -> bands.get(r.verdict.band())[1]++);
        StringBuilder table = new StringBuilder("| band | scores | look-alikes flagged | ordinary domains flagged | precision |\n"
            + "|---|---|---:|---:|---:|\n");
        int upper = 100;
        for (Band band : Band.values()) {
            long[] c = bands.get(band);
            table.append(String.format("| %s | %d-%d | %d | %d | %s |%n", band.label(), band.from(), upper, c[0], c[1],
                c[0] + c[1] == 0 ? "-" : String.format("%.4f", rate(c[0], c[0] + c[1]))));
            upper = band.from() - 1;
        }
        return table.toString();
    }
}
