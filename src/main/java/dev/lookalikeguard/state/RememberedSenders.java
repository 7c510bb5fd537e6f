package dev.lookalikeguard.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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

/**
 * Sender/domain pairs a sender confirmed (action confirm with {@code remember}): that sender is not asked again
 * about that domain until the pair expires, and no longer than the guard's {@code remember} as it is configured now
 * from the moment the pair was remembered (a pair remembered for 30 days counts for 7 once {@code remember} is 7 days,
 * and for none once it is off).
 *
 * <p>One entry per pair in the James mail repository {@value #PATH} (the store's default protocol), under a key
 * derived from the pair, so a look-up is one read by key whatever the number of pairs, never a listing. An expired
 * pair is not remembered; it is removed when it is next read, and {@link StateRepository#purgeExpired} removes the
 * others (run once per cluster by the guard's maintenance queue). Thread-safe.
 */
@Singleton
public class RememberedSenders {
    public static final String PATH = "var/mail/lookalike-remembered";
    private static final AttributeName SENDER = AttributeName.of("dev.lookalikeguard.remembered.sender");
    private static final AttributeName DOMAIN = AttributeName.of("dev.lookalikeguard.remembered.domain");
    /** When the sender confirmed (epoch milliseconds). Pairs stored before it was kept have none and count for nothing. */
    private static final AttributeName REMEMBERED_AT = AttributeName.of("dev.lookalikeguard.remembered.at");

    private final StateRepository entries;
    private final Clock clock;

    @Inject
    public RememberedSenders(MailRepositoryStore store, Clock clock) {
        this.entries = new StateRepository(store, PATH, clock);
        this.clock = clock;
    }

    /** Remembers that {@code sender} really writes to {@code domain}, for {@code validity}. */
    public void remember(String sender, String domain, Duration validity) throws MessagingException {
        MailImpl entry = MailImpl.builder()
            .name(key(sender, domain).asString())
            .mimeMessage(StateRepository.placeholder("look-alike guard remembered pair", "remembered pair"))
            .addAttribute(new Attribute(SENDER, AttributeValue.of(sender.toLowerCase(Locale.ROOT))))
            .addAttribute(new Attribute(DOMAIN, AttributeValue.of(domain.toLowerCase(Locale.ROOT))))
            .addAttribute(StateRepository.instantAttribute(REMEMBERED_AT, clock.instant()))
            .addAttribute(StateRepository.expiresAttribute(clock.instant().plus(validity)))
            .build();
        entries.store(entry);
    }

    /**
     * Whether {@code sender} confirmed writing to {@code domain} and that is still remembered, {@code within} the
     * guard's {@code remember} as it is now (zero: nothing counts, and nothing is read): one read by key. An expired
     * pair is removed as it is read; one only beyond {@code within} is kept (the admin may lengthen it again).
     */
    public boolean isRemembered(String sender, String domain, Duration within) throws MessagingException {
        if (within.isZero() || within.isNegative()) {
            return false;
        }
        MailKey key = key(sender, domain);
        return entries.holding(key, repository -> {
            Mail entry = repository.retrieve(key);
            if (entry == null) {
                return false;
            }
            Instant now = clock.instant();
            try {
                Instant expires = StateRepository.expires(entry).orElse(Instant.EPOCH);
                if (now.isBefore(expires)) {
                    return StateRepository.instant(entry, REMEMBERED_AT).map(at -> now.isBefore(at.plus(within))).orElse(false);
                }
            } finally {
                LifecycleUtil.dispose(entry);
            }
            repository.remove(key);
            return false;
        });
    }

    /** One remembered pair, for the admin. */
    public static final class Pair {
        private final String sender;
        private final String domain;
        private final Optional<Instant> rememberedAt;
        private final Optional<Instant> expires;

        Pair(String sender, String domain, Optional<Instant> rememberedAt, Optional<Instant> expires) {
            this.sender = sender;
            this.domain = domain;
            this.rememberedAt = rememberedAt;
            this.expires = expires;
        }

        public String sender() {
            return sender;
        }

        public String domain() {
            return domain;
        }

        /** When the sender confirmed; absent for a pair stored by an earlier version (which counts for nothing). */
        public Optional<Instant> rememberedAt() {
            return rememberedAt;
        }

        public Optional<Instant> expires() {
            return expires;
        }
    }

    /**
     * Every pair not expired, of {@code sender} only when one is given, by sender then domain: for the admin (a full
     * read).
     */
    public List<Pair> list(Optional<String> sender) throws MessagingException {
        Optional<String> wanted = sender.map(value -> value.toLowerCase(Locale.ROOT));
        Instant now = clock.instant();
        List<Pair> pairs = new ArrayList<>();
        for (MailKey key : entries.keys()) {
            entries.holding(key, repository -> Optional.ofNullable(repository.retrieve(key)).map(RememberedSenders::pair))
                .filter(pair -> wanted.map(pair.sender()::equals).orElse(true))
                .filter(pair -> pair.expires().map(now::isBefore).orElse(false))
                .ifPresent(pairs::add);
        }
        pairs.sort(Comparator.comparing(Pair::sender).thenComparing(Pair::domain));
        return pairs;
    }

    /** Forgets one pair: that sender is asked again about that domain. False if it was not remembered. */
    public boolean forget(String sender, String domain) throws MessagingException {
        return entries.remove(key(sender, domain));
    }

    private static Pair pair(Mail entry) {
        try {
            return new Pair(StateRepository.text(entry, SENDER).orElse(""), StateRepository.text(entry, DOMAIN).orElse(""),
                StateRepository.instant(entry, REMEMBERED_AT),
                StateRepository.expires(entry));
        } finally {
            LifecycleUtil.dispose(entry);
        }
    }

    /** Removes the expired pairs; returns how many. */
    public int purgeExpired() throws MessagingException {
        return entries.purgeExpired();
    }

    private static MailKey key(String sender, String domain) {
        return new MailKey("r1-" + Base32.digest(sender.toLowerCase(Locale.ROOT) + "\n" + domain.toLowerCase(Locale.ROOT), 32));
    }
}
