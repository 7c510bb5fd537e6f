package dev.lookalikeguard.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.inject.Inject;
import javax.inject.Singleton;
import javax.mail.MessagingException;

import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.james.mailrepository.api.MailKey;
import org.apache.james.mailrepository.api.MailRepository;
import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lookalikeguard.detect.DomainName;
import dev.lookalikeguard.detect.InvalidDomainException;
import dev.lookalikeguard.detect.PublicSuffixes;

/**
 * Domains an administrator allowed at run time (WebAdmin), on top of the condition's {@code allow:}.
 *
 * <p>Stored in a James mail repository, {@value #PATH} under the repository store's default protocol,
 * one entry per domain: a store James already manages, so entries survive a restart (file repository in
 * the memory server) and every node of a clustered James sees them (its shared repository). Each node
 * re-reads the entries at most every {@value #REFRESH_SECONDS} seconds, and at once after its own changes.
 */
@Singleton
public class RuntimeAllowList {
    public static final String PATH = "var/mail/lookalike-allow-list";
    static final long REFRESH_SECONDS = 5;
    private static final Logger LOGGER = LoggerFactory.getLogger(RuntimeAllowList.class);
    private static final AttributeName REASON = AttributeName.of("dev.lookalikeguard.allow.reason");

    private final StateRepository state;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(Set.of(), Instant.EPOCH);

    @Inject
    public RuntimeAllowList(MailRepositoryStore store) {
        this(store, Clock.systemUTC());
    }

    RuntimeAllowList(MailRepositoryStore store, Clock clock) {
        this.state = new StateRepository(store, PATH);
        this.clock = clock;
    }

    /** One allowed domain. */
    public static final class Entry {
        private final String domain;
        private final Instant added;
        private final String reason;

        Entry(String domain, Instant added, String reason) {
            this.domain = domain;
            this.added = added;
            this.reason = reason;
        }

        public String domain() {
            return domain;
        }

        public Instant added() {
            return added;
        }

        public String reason() {
            return reason;
        }
    }

    private static final class Snapshot {
        private final Set<String> domains;
        private final Instant loaded;

        Snapshot(Set<String> domains, Instant loaded) {
            this.domains = domains;
            this.loaded = loaded;
        }
    }

    /** The entry that allows {@code asciiDomain} (the domain itself or a parent), if any. */
    public Optional<String> allowing(String asciiDomain) {
        Set<String> domains = current();
        if (domains.isEmpty()) {
            return Optional.empty();
        }
        String tail = asciiDomain;
        while (true) {
            if (domains.contains(tail)) {
                return Optional.of(tail);
            }
            int dot = tail.indexOf('.');
            if (dot < 0) {
                return Optional.empty();
            }
            tail = tail.substring(dot + 1);
        }
    }

    /**
     * The canonical (ASCII) form of a domain that may be allowed. A bare public suffix ({@code ml}, {@code gov.uk}) or
     * any top-level name is refused: allowing it would switch off the protection for every name under it.
     */
    public static String allowable(String domain) throws InvalidDomainException {
        String ascii = DomainName.parse(domain).ascii();
        if (ascii.indexOf('.') < 0 || PublicSuffixes.isRegistrySuffix(ascii)) {
            throw new InvalidDomainException("a bare public suffix or top-level name: allowing it would switch off the "
                + "protection for every name under it; allow a name registered under it instead, such as partner.ml");
        }
        return ascii;
    }

    /** Adds a domain (Unicode or ASCII) that {@link #allowable} accepts; returns its canonical form. */
    public String add(String domain, String reason) throws InvalidDomainException, MessagingException {
        String ascii = allowable(domain);
        MailImpl entry = MailImpl.builder()
            .name(ascii)
            .mimeMessage(StateRepository.placeholder("look-alike guard allow-list entry: " + ascii, reason))
            .lastUpdated(Date.from(clock.instant()))
            .addAttribute(new Attribute(REASON, AttributeValue.of(reason)))
            .build();
        try {
            state.repository().store(entry);
        } finally {
            entry.dispose();
        }
        reload();
        return ascii;
    }

    /** Removes a domain; false if it was not there. */
    public boolean remove(String domain) throws InvalidDomainException, MessagingException {
        String ascii = DomainName.parse(domain).ascii();
        Mail entry = state.retrieveIfPresent(new MailKey(ascii));
        boolean present = entry != null;
        LifecycleUtil.dispose(entry);
        if (present) {
            state.repository().remove(new MailKey(ascii));
        }
        reload();
        return present;
    }

    public List<Entry> list() throws MessagingException {
        List<Entry> entries = new ArrayList<>();
        MailRepository repository = state.repository();
        for (Iterator<MailKey> keys = repository.list(); keys.hasNext(); ) {
            Mail mail = repository.retrieve(keys.next());
            if (mail != null) {
                try {
                    String reason = mail.getAttribute(REASON).map(Attribute::getValue).map(AttributeValue::value)
                        .map(String::valueOf).orElse("");
                    Instant added = mail.getLastUpdated() == null ? Instant.EPOCH : mail.getLastUpdated().toInstant();
                    entries.add(new Entry(mail.getName(), added, reason));
                } finally {
                    LifecycleUtil.dispose(mail);
                }
            }
        }
        entries.sort(java.util.Comparator.comparing(Entry::domain));
        return entries;
    }

    private Set<String> current() {
        Snapshot seen = snapshot;
        if (Duration.between(seen.loaded, clock.instant()).getSeconds() < REFRESH_SECONDS) {
            return seen.domains;
        }
        synchronized (this) {
            if (snapshot == seen) {
                try {
                    reload();
                } catch (MessagingException | RuntimeException e) {
                    LOGGER.error("Could not read the look-alike run-time allow-list {}; keeping the last one read", PATH, e);
                    snapshot = new Snapshot(seen.domains, clock.instant());
                }
            }
            return snapshot.domains;
        }
    }

    private synchronized void reload() throws MessagingException {
        Set<String> domains = new TreeSet<>();
        for (Iterator<MailKey> keys = state.repository().list(); keys.hasNext(); ) {
            domains.add(keys.next().asString());
        }
        snapshot = new Snapshot(Set.copyOf(domains), clock.instant());
    }
}
