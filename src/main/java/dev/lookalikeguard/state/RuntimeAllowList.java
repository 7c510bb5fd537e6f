package dev.lookalikeguard.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Singleton;
import javax.mail.MessagingException;

import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.james.mailrepository.api.MailKey;
import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;

import dev.lookalikeguard.detect.DomainName;
import dev.lookalikeguard.detect.InvalidDomainException;
import dev.lookalikeguard.detect.name.PublicSuffixes;
import dev.lookalikeguard.policy.Policy;

/**
 * Domains an administrator allowed at run time (WebAdmin), on top of the condition's {@code allow:}.
 *
 * <p>Stored in a James mail repository, {@value #PATH} under the repository store's default protocol,
 * one entry per domain, keyed by the domain's ASCII form: a store James already manages, so entries survive
 * a restart (file repository in the memory server) and every node of a clustered James sees them (its shared
 * repository) at once. Deciding whether a domain is allowed reads by key, the domain and each parent above its
 * public suffix (army.ml; mail.army.ml then army.ml), never the whole list. An entry may expire; an expired
 * entry allows nothing and is purged. Thread-safe.
 */
@Singleton
public class RuntimeAllowList {
    public static final String PATH = "var/mail/lookalike-allow-list";
    private static final AttributeName REASON = AttributeName.of("dev.lookalikeguard.allow.reason");
    private static final AttributeName DOMAIN = AttributeName.of("dev.lookalikeguard.allow.domain");

    private final StateRepository state;
    private final Clock clock;

    @Inject
    public RuntimeAllowList(MailRepositoryStore store, Clock clock) {
        this.state = new StateRepository(store, PATH, clock);
        this.clock = clock;
    }

    /** One allowed domain. */
    public static final class Entry {
        private final String domain;
        private final Instant added;
        private final String reason;
        private final Optional<Instant> expires;

        Entry(String domain, Instant added, String reason, Optional<Instant> expires) {
            this.domain = domain;
            this.added = added;
            this.reason = reason;
            this.expires = expires;
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

        public Optional<Instant> expires() {
            return expires;
        }
    }

    /** The entry that allows {@code asciiDomain} (the domain itself or a parent), if any: reads by key only. */
    public Optional<String> allowing(String asciiDomain) throws MessagingException {
        String name = asciiDomain;
        while (!PublicSuffixes.isSuffixOrTopLevel(name)) {
            if (isAllowedEntry(StateRepository.keyFor(name))) {
                return Optional.of(name);
            }
            name = name.substring(name.indexOf('.') + 1);
        }
        return Optional.empty();
    }

    private boolean isAllowedEntry(MailKey key) throws MessagingException {
        return state.holding(key, repository -> {
            Mail entry = repository.retrieve(key);
            if (entry == null) {
                return false;
            }
            try {
                return StateRepository.expires(entry).map(clock.instant()::isBefore).orElse(true);
            } finally {
                LifecycleUtil.dispose(entry);
            }
        });
    }

    /** Adds a domain (Unicode or ASCII) that {@link Policy#allowable} accepts, for ever; returns its canonical form. */
    public String add(String domain, String reason) throws InvalidDomainException, MessagingException {
        return add(domain, reason, Optional.empty());
    }

    /** Adds a domain that {@link Policy#allowable} accepts, for {@code validity} if given; returns its canonical form. */
    public String add(String domain, String reason, Optional<Duration> validity) throws InvalidDomainException, MessagingException {
        String ascii = Policy.allowable(domain);
        MailImpl.Builder builder = MailImpl.builder()
            .name(StateRepository.keyFor(ascii).asString())
            .mimeMessage(StateRepository.placeholder("look-alike guard allow-list entry: " + ascii, reason))
            .lastUpdated(Date.from(clock.instant()))
            .addAttribute(new Attribute(REASON, AttributeValue.of(reason)))
            .addAttribute(new Attribute(DOMAIN, AttributeValue.of(ascii)));
        validity.ifPresent(duration -> builder.addAttribute(StateRepository.expiresAttribute(clock.instant().plus(duration))));
        state.store(builder.build());
        return ascii;
    }

    /** Removes a domain; false if it was not there. */
    public boolean remove(String domain) throws InvalidDomainException, MessagingException {
        return state.remove(StateRepository.keyFor(DomainName.parse(domain).ascii()));
    }

    /** Every entry, for the admin (a full read). */
    public List<Entry> list() throws MessagingException {
        List<Entry> entries = new ArrayList<>();
        for (MailKey key : state.keys()) {
            state.holding(key, repository -> Optional.ofNullable(repository.retrieve(key)).map(RuntimeAllowList::entry))
                .ifPresent(entries::add);
        }
        entries.sort(Comparator.comparing(Entry::domain));
        return entries;
    }

    private static Entry entry(Mail mail) {
        try {
            String reason = StateRepository.text(mail, REASON).orElse("");
            Instant added = mail.getLastUpdated() == null ? Instant.EPOCH : mail.getLastUpdated().toInstant();
            // Entries written before the domain was kept apart are named by it (a long domain's name is a digest).
            String domain = StateRepository.text(mail, DOMAIN).orElse(mail.getName());
            return new Entry(domain, added, reason, StateRepository.expires(mail));
        } finally {
            LifecycleUtil.dispose(mail);
        }
    }

    /** Removes the expired entries; returns how many. */
    public int purgeExpired() throws MessagingException {
        return state.purgeExpired();
    }
}
