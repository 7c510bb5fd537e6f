package dev.lookalikeguard.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.lookalikeguard.detect.DomainName;
import dev.lookalikeguard.detect.InvalidDomainException;
import dev.lookalikeguard.detect.name.PublicSuffixes;

/**
 * A list of known-real domains read from a file: plain text (one domain per line, {@code #} comments,
 * blank lines ignored) or CSV with a {@code Domain name} column (the format of the public .gov registry,
 * which the list then is: see {@link #isRegistry()}).
 */
public final class ReferenceList {
    private static final String DOMAIN_COLUMN = "domain name";

    private final Path path;
    private final Set<String> domains;
    private final List<String> rejected;
    private final boolean registry;

    private ReferenceList(Path path, Set<String> domains, List<String> rejected, boolean registry) {
        this.path = path;
        this.domains = Set.copyOf(domains);
        this.rejected = List.copyOf(rejected);
        this.registry = registry;
    }

    /** Reads the file; a missing or unreadable file is an error naming it. */
    public static ReferenceList load(Path path) throws PolicyException {
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new PolicyException("list file '" + path + "' does not exist or is not readable");
        }
        Set<String> domains = new LinkedHashSet<>();
        List<String> rejected = new ArrayList<>();
        boolean registry;
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            int column = first == null ? -1 : csvDomainColumn(first);
            registry = column >= 0;
            if (first != null && column < 0) {
                add(first, domains, rejected);
            }
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                add(column < 0 ? line : csvField(line, column), domains, rejected);
            }
        } catch (IOException e) {
            throw new PolicyException("list file '" + path + "' could not be read: " + e.getMessage(), e);
        }
        return new ReferenceList(path, domains, rejected, registry);
    }

    private static int csvDomainColumn(String header) {
        List<String> columns = Arrays.asList(header.replace("\uFEFF", "").split(","));
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).strip().replace("\"", "").toLowerCase(Locale.ROOT).equals(DOMAIN_COLUMN)) {
                return i;
            }
        }
        return -1;
    }

    private static String csvField(String line, int column) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return column < fields.size() ? fields.get(column) : "";
    }

    private static void add(String line, Set<String> domains, List<String> rejected) {
        int hash = line.indexOf('#');
        String entry = (hash >= 0 ? line.substring(0, hash) : line).strip();
        if (entry.isEmpty()) {
            return;
        }
        try {
            domains.add(DomainName.parse(entry).ascii());
        } catch (InvalidDomainException e) {
            rejected.add(entry);
        }
    }

    public Path path() {
        return path;
    }

    /** The domains, canonical ASCII. */
    public Set<String> domains() {
        return domains;
    }

    /**
     * Whether the file is a registry export (CSV with a {@code Domain name} column, as the public .gov
     * registry publishes every registered name): its suffix's registry is complete in it.
     */
    public boolean isRegistry() {
        return registry;
    }

    /** The last label every domain of the list shares (gov for the .gov registry), if there is one. */
    public Optional<String> commonSuffix() {
        String common = null;
        for (String domain : domains) {
            String tld = PublicSuffixes.topLevelOf(domain);
            if (common == null) {
                common = tld;
            } else if (!common.equals(tld)) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(common);
    }

    /** Entries that were not host names (reported at start-up, otherwise ignored). */
    public List<String> rejected() {
        return rejected;
    }
}
