package dev.lookalikeguard.detect;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The reference lists in {@code ../shared/data} (registered .gov domains, .mil lists, Public Suffix
 * List): read from there when present, never copied into the repository. Tests that need them are
 * skipped, with a message, when the folder is absent.
 */
public final class SharedData {
    private SharedData() {
    }

    public static Path folder() {
        return Path.of(System.getProperty("lookalike.shared.data", "../shared/data"));
    }

    public static boolean present() {
        return Files.isRegularFile(folder().resolve("dotgov-domains.csv"));
    }

    /** Skips the calling test when the reference data is absent. */
    public static Path require() {
        assumeTrue(present(), "reference data not found at " + folder().toAbsolutePath()
            + " (set -Dlookalike.shared.data=...): skipped");
        return folder();
    }

    public static Path dotGov() {
        return require().resolve("dotgov-domains.csv");
    }

    public static Path milDomains() {
        return require().resolve("mil-domains.txt");
    }

    public static Path milHostnames() {
        return require().resolve("mil-hostnames.txt");
    }
}
