package dev.lookalikeguard.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import dev.lookalikeguard.detect.DomainName;
import dev.lookalikeguard.detect.InvalidDomainException;
import dev.lookalikeguard.detect.score.Finding;
import dev.lookalikeguard.detect.score.Scoring;
import dev.lookalikeguard.learn.Correspondent;
import dev.lookalikeguard.learn.DeliveryBuffer;
import dev.lookalikeguard.learn.LearnedNames;
import dev.lookalikeguard.learn.LearningRule;

/**
 * A simulated month of an organisation's outgoing mail, to measure learned correspondents: 3,000
 * correspondent domains drawn from the popular and free-mail domains of {@code ../shared/eval-dev}, written
 * to with Zipf frequencies (the n-th most used gets 1/n of the mail) by 200 senders, 3,000 mails a day of 1
 * to 3 recipients for 30 days, counted through a {@link DeliveryBuffer} as the mailet does and learned by
 * {@link LearningRule}. Then, with the learned names: look-alikes of 200 of them made by the public generator
 * dnstwist (its default fuzzers, and apart its tld-swap fuzzer with its own TLD dictionary), the other 9,969
 * popular and free-mail domains as the new legitimate recipients of the next month, and the learned names
 * themselves. Needs dnstwist (Debian package {@code dnstwist}); says so and stops without it.
 */
final class LearningSimulation {
    private static final long SEED = 7;
    private static final int CORRESPONDENTS = 3000;
    private static final int SENDERS = 200;
    private static final int DAYS = 30;
    private static final int MAILS_PER_DAY = 3000;
    private static final int LOOKALIKE_TARGETS = 200;
    private static final Path DNSTWIST_TLDS = Path.of("/usr/share/dnstwist/dictionaries/common_tlds.dict");

    private LearningSimulation() {
    }

    static String run() throws IOException, InterruptedException {
        StringBuilder report = new StringBuilder("\nLearned correspondents (simulated month, see LearningSimulation)\n\n");
        Path corpus = Path.of("../shared/eval-dev");
        if (!Files.isRegularFile(corpus.resolve("mailproviders.tsv"))) {
            return report.append("../shared/eval-dev absent: skipped\n").toString();
        }
        List<String> universe = new ArrayList<>(new TreeSet<>(ordinary(corpus)));
        Collections.shuffle(universe, new Random(SEED));
        List<String> correspondents = universe.subList(0, CORRESPONDENTS);
        List<String> newLegitimate = universe.subList(CORRESPONDENTS, universe.size());

        Map<String, Correspondent> store = simulate(correspondents);
        LearningRule rule = LearningRule.defaults();
        Instant end = Instant.parse("2026-11-30T23:00:00Z");
        List<String> learned = new ArrayList<>();
        store.values().forEach(r -> {
            if (rule.learns(r, end)) {
                learned.add(r.domain());
            }
        });
        Collections.sort(learned);
        long build = System.nanoTime();
        LearnedNames names = LearnedNames.of(learned);
        build = System.nanoTime() - build;
        report.append(String.format("%,d correspondents written to, %,d learned with the default rule (%s); snapshot built in "
            + "%d ms%n%n", store.size(), learned.size(), rule, TimeUnit.NANOSECONDS.toMillis(build)));

        Path work = Files.createDirectories(Path.of("target", "bench", "learning"));
        Files.write(work.resolve("learned.txt"), learned, StandardCharsets.UTF_8);
        Files.write(work.resolve("universe.txt"), universe, StandardCharsets.UTF_8);
        List<String[]> lookalikes = dnstwist(work, false);
        if (lookalikes == null) {
            return report.append("dnstwist is not installed (apt-get install dnstwist): look-alikes skipped\n").toString();
        }
        List<String[]> swaps = new ArrayList<>();
        for (String[] row : dnstwist(work, true)) {
            if (row[2].equals("tld-swap")) {
                swaps.add(row);
            }
        }
        report.append("| look-alikes (dnstwist) | count | flagged | recall | right name |\n|---|---:|---:|---:|---:|\n");
        Map<String, List<String[]>> byFuzzer = new TreeMap<>();
        lookalikes.forEach(row -> byFuzzer.computeIfAbsent(row[2], k -> new ArrayList<>()).add(row));
        byFuzzer.forEach((fuzzer, rows) -> report.append(row(fuzzer, rows, names)));
        report.append(row("**default fuzzers**", lookalikes, names));
        report.append(row("tld-swap (its TLD dictionary)", swaps, names));
        long flagged = 0;
        List<String> examples = new ArrayList<>();
        for (String domain : newLegitimate) {
            Optional<Finding> finding = check(names, domain);
            if (finding.isPresent()) {
                flagged++;
                if (examples.size() < 8) {
                    examples.add(domain + " (" + finding.get().nearest() + ")");
                }
            }
        }
        long learnedFlagged = learned.stream().filter(d -> check(names, d).isPresent()).count();
        report.append(String.format("%nNew legitimate domains flagged: %,d of %,d (%.2f%%), e.g. %s%n", flagged,
            newLegitimate.size(), 100.0 * flagged / newLegitimate.size(), String.join(", ", examples)));
        report.append(String.format("Learned names flagged: %d of %,d%n", learnedFlagged, learned.size()));
        return report.toString();
    }

    private static List<String> ordinary(Path corpus) throws IOException {
        List<String> domains = new ArrayList<>();
        for (String file : List.of("negatives.tsv", "mailproviders.tsv")) {
            List<String> lines = Files.readAllLines(corpus.resolve(file), StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                String[] columns = line.split("\t");
                if (columns.length > 1 && columns[1].equals("ordinary")) {
                    try {
                        domains.add(DomainName.parse(columns[0]).ascii());
                    } catch (InvalidDomainException e) {
                        // not a host name: not a correspondent
                    }
                }
            }
        }
        return domains;
    }

    /** The month of mail, counted the way the learning mailet counts: buffered, then merged into the store. */
    private static Map<String, Correspondent> simulate(List<String> correspondents) {
        Random random = new Random(SEED);
        double[] cumulative = new double[correspondents.size()];
        double total = 0;
        for (int i = 0; i < cumulative.length; i++) {
            total += 1.0 / (i + 1);
            cumulative[i] = total;
        }
        DeliveryBuffer buffer = new DeliveryBuffer();
        Map<String, Correspondent> store = new HashMap<>();
        Instant start = Instant.parse("2026-11-01T08:00:00Z");
        for (int day = 0; day < DAYS; day++) {
            for (int mail = 0; mail < MAILS_PER_DAY; mail++) {
                String sender = "user" + random.nextInt(SENDERS) + "@guard.test";
                Instant when = start.plus(Duration.ofDays(day)).plusSeconds(mail * 10L);
                for (int r = 1 + (random.nextInt(5) < 3 ? 0 : random.nextInt(2) + 1); r > 0; r--) {
                    double pick = random.nextDouble() * total;
                    int index = java.util.Arrays.binarySearch(cumulative, pick);
                    index = Math.min(cumulative.length - 1, index < 0 ? -index - 1 : index);
                    buffer.record(correspondents.get(index), sender, when);
                }
            }
            buffer.drain().forEach((domain, record) -> store.merge(domain, record, Correspondent::merge));
        }
        return store;
    }

    private static List<String[]> dnstwist(Path work, boolean withTlds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", "src/bench/python/dnstwist-lookalikes.py",
            work.resolve("learned.txt").toString(), work.resolve("universe.txt").toString(),
            String.valueOf(LOOKALIKE_TARGETS), String.valueOf(SEED)));
        if (withTlds) {
            command.add(DNSTWIST_TLDS.toString());
        }
        Path out = work.resolve(withTlds ? "lookalikes-tld.tsv" : "lookalikes.tsv");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
            .redirectError(work.resolve("dnstwist.log").toFile()).start();
        if (process.waitFor() != 0) {
            return null;
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            rows.add(line.split("\t"));
        }
        return rows;
    }

    private static String row(String name, List<String[]> rows, LearnedNames names) {
        long hit = 0;
        long right = 0;
        for (String[] row : rows) {
            Optional<Finding> finding = check(names, row[0]);
            if (finding.isPresent()) {
                hit++;
                right += finding.get().nearest().equals(row[1]) ? 1 : 0;
            }
        }
        return String.format(Locale.ROOT, "| %s | %,d | %,d | %.3f | %.3f |%n", name, rows.size(), hit,
            rows.isEmpty() ? 0 : (double) hit / rows.size(), hit == 0 ? 0 : (double) right / hit);
    }

    /** A finding at or above the balanced threshold, as the matcher would act on it. */
    private static Optional<Finding> check(LearnedNames names, String domain) {
        try {
            return names.examine(DomainName.parse(domain)).filter(f -> f.score() >= Scoring.BALANCED_THRESHOLD);
        } catch (InvalidDomainException e) {
            return Optional.empty();
        }
    }
}
