package dev.lookalikeguard.state;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

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

import dev.lookalikeguard.learn.Correspondent;

/**
 * The learned correspondents' records, in the James mail repository {@value #PATH} (the store's default protocol):
 * one entry per recipient domain, keyed by its ASCII form, carrying the {@linkplain Correspondent#encode() encoded}
 * record. A store James already manages: it survives a restart (file repository in the memory server) and every
 * node of a clustered James shares it.
 *
 * <p>Deliveries are added by read-modify-write ({@link #merge}). Two nodes merging into the same domain at the same
 * instant can lose one of the two writes (the repository has no compare-and-set); what is lost is at most one node's
 * batch for that domain, one flush interval of counts, which the next deliveries add again: distinct days and senders
 * are sets, so counting is best effort and never counts a delivery twice. Thread-safe.
 */
final class CorrespondentStore {
    static final String PATH = "var/mail/lookalike-correspondents";
    private static final AttributeName RECORD = AttributeName.of("dev.lookalikeguard.correspondent");

    private final StateRepository state;
    private final Clock clock;

    CorrespondentStore(MailRepositoryStore store, Clock clock) {
        this.state = new StateRepository(store, PATH, clock);
        this.clock = clock;
    }

    /** The record of a domain (canonical ASCII), if any: one read by key. */
    Optional<Correspondent> get(String domain) throws MessagingException {
        MailKey key = StateRepository.keyFor(domain);
        return state.holding(key, repository -> read(repository, key));
    }

    /**
     * Adds {@code record} to what the store holds for its domain; returns the record as now stored. The read and
     * the write hold the entry, so two merges into one domain in this JVM both count.
     */
    Correspondent merge(Correspondent record) throws MessagingException {
        MailKey key = StateRepository.keyFor(record.domain());
        return state.holding(key, repository -> {
            Correspondent merged = read(repository, key).map(stored -> stored.merge(record)).orElse(record);
            write(repository, merged);
            return merged;
        });
    }

    /** Stores {@code record} in place of what the store holds for its domain. */
    void put(Correspondent record) throws MessagingException {
        state.holding(StateRepository.keyFor(record.domain()), repository -> {
            write(repository, record);
            return null;
        });
    }

    /** Removes a domain's record; false if there was none. */
    boolean remove(String domain) throws MessagingException {
        MailKey key = StateRepository.keyFor(domain);
        return state.holding(key, repository -> {
            if (read(repository, key).isEmpty()) {
                return false;
            }
            repository.remove(key);
            return true;
        });
    }

    /** Every record, by domain (a full read of the repository: for the periodic refresh and the admin). */
    List<Correspondent> list() throws MessagingException {
        List<Correspondent> records = new ArrayList<>();
        for (MailKey key : state.keys()) {
            state.holding(key, repository -> read(repository, key)).ifPresent(records::add);
        }
        records.sort(Comparator.comparing(Correspondent::domain));
        return records;
    }

    private static Optional<Correspondent> read(MailRepository repository, MailKey key) throws MessagingException {
        Mail entry = repository.retrieve(key);
        if (entry == null) {
            return Optional.empty();
        }
        try {
            return StateRepository.text(entry, RECORD).map(Correspondent::decode);
        } catch (IllegalArgumentException e) {
            throw new MessagingException("entry " + key.asString() + " of " + PATH + " is not a correspondent record", e);
        } finally {
            LifecycleUtil.dispose(entry);
        }
    }

    private void write(MailRepository repository, Correspondent record) throws MessagingException {
        MailImpl entry = MailImpl.builder()
            .name(StateRepository.keyFor(record.domain()).asString())
            .mimeMessage(StateRepository.placeholder("look-alike guard correspondent: " + record.domain(), "learned"))
            .lastUpdated(Date.from(clock.instant()))
            .addAttribute(new Attribute(RECORD, AttributeValue.of(record.encode())))
            .build();
        try {
            repository.store(entry);
        } finally {
            entry.dispose();
        }
    }
}
