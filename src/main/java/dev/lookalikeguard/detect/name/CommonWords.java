package dev.lookalikeguard.detect.name;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Whether a label is a common English word ({@code police}, {@code weather}, {@code army}) as opposed to
 * an acronym or a coined name ({@code dcma}, {@code africom}): the same word under another suffix, or
 * with another word added, is more often a different real domain. Read from the SCOWL word list in the
 * resource {@code common-words.txt.gz} (see its NOTICE) once, on first use (about 64,000 words, 4 MB).
 */
public final class CommonWords {
    private static final String RESOURCE = "common-words.txt.gz";

    private final Set<String> words;

    private CommonWords(Set<String> words) {
        this.words = words;
    }

    /** The list, read once on first use (immutable, shared by every detector of the JVM). */
    public static CommonWords english() {
        return Holder.ENGLISH;
    }

    private static final class Holder {
        private static final CommonWords ENGLISH = load();
    }

    private static CommonWords load() {
        Set<String> words = new HashSet<>(65_536);
        try (InputStream raw = CommonWords.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the extension jar");
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw),
                StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    words.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new CommonWords(words);
    }

    public boolean contains(String label) {
        return words.contains(label);
    }
}
