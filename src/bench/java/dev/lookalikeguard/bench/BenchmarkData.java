package dev.lookalikeguard.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.lookalikeguard.detect.Detector;
import dev.lookalikeguard.detect.LookalikeGenerator;
import dev.lookalikeguard.detect.SharedData;
import dev.lookalikeguard.policy.PolicyException;
import dev.lookalikeguard.policy.ReferenceList;

/** Protected lists of a given size (real .gov/.mil names when ../shared/data is present) and recipients to check. */
final class BenchmarkData {
    static final int INPUTS = 1024;
    private static final long SEED = 42L;

    private BenchmarkData() {
    }

    static boolean realData() {
        return SharedData.present();
    }

    /** {@code size} protected names: the real lists (all of them for the largest size), else synthetic. */
    static List<String> names(int size) throws PolicyException {
        List<String> all = new ArrayList<>();
        if (realData()) {
            all.addAll(ReferenceList.load(SharedData.dotGov()).domains());
            all.addAll(ReferenceList.load(SharedData.milDomains()).domains());
            all.addAll(ReferenceList.load(SharedData.milHostnames()).domains());
            Collections.sort(all);
            Collections.shuffle(all, new Random(SEED));
        } else {
            Random random = new Random(SEED);
            Set<String> names = new TreeSet<>();
            while (names.size() < 20_000) {
                StringBuilder label = new StringBuilder();
                for (int i = 0, n = 4 + random.nextInt(12); i < n; i++) {
                    label.append((char) ('a' + random.nextInt(26)));
                }
                names.add(label + (random.nextInt(5) == 0 ? ".mil" : ".gov"));
            }
            all.addAll(names);
        }
        return size >= all.size() ? all : all.subList(0, size);
    }

    static Detector detector(List<String> names, boolean naive) {
        Detector.Builder builder = Detector.builder().protectSuffix("mil").protectSuffix("gov")
            .protectDomain("army.mil").protectDomain("defense.gov").knownCanonicalDomains(names);
        if (naive) {
            builder.naiveScan();
        }
        return builder.build();
    }

    static String[] clean() throws IOException {
        try (InputStream in = BenchmarkData.class.getResourceAsStream("/ordinary-domains.txt")) {
            List<String> domains = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toList());
            return cycle(domains);
        }
    }

    static String[] protectedNames(List<String> names) {
        return cycle(names.subList(0, Math.min(names.size(), INPUTS)));
    }

    static String[] lookalikes(List<String> names) {
        Random random = new Random(SEED);
        List<String> lookalikes = new ArrayList<>();
        LookalikeGenerator.Kind[] kinds = LookalikeGenerator.Kind.values();
        for (int i = 0; lookalikes.size() < INPUTS && i < 100 * INPUTS; i++) {
            String source = names.get(random.nextInt(names.size()));
            int dot = source.indexOf('.');
            Optional<String> lookalike = LookalikeGenerator.generate(kinds[i % kinds.length], source.substring(0, dot),
                source.substring(dot + 1), random);
            lookalike.filter(l -> !names.contains(l)).ifPresent(lookalikes::add);
        }
        return cycle(lookalikes);
    }

    private static String[] cycle(List<String> values) {
        String[] result = new String[INPUTS];
        for (int i = 0; i < INPUTS; i++) {
            result[i] = values.get(i % values.size());
        }
        return result;
    }
}
