package dev.lookalikeguard.state;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import javax.inject.Inject;
import javax.inject.Singleton;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.james.mailrepository.api.MailKey;
import org.apache.james.mailrepository.api.MailRepository;
import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.queue.api.MailQueue;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.collect.ImmutableList;

/**
 * The held mail: the one place where a recipient is put on hold and where its hold ends.
 *
 * <p>Each held recipient is its own entry of the quarantine repository (see {@link HeldKey}), written once
 * and never rewritten: releasing one recipient of a mail cannot lose or undo another's release, and no
 * reader can ever see an entry half rewritten. Every ending (a release by an administrator or by its
 * sender, a return to the sender at expiry, a deletion) goes through {@link #end}: it reads the entry, runs
 * the ending on it and removes the entry only once the ending succeeded, all while it holds that entry, so a
 * recipient is ended exactly once however many endings race for it; an ending that fails leaves it held.
 * The entry is the single-use record: once it is gone, whatever referred to it (a token, a queued expiry)
 * finds nothing to end.
 *
 * <p>James's MailRepository API has no conditional write, so holding an entry means holding it in this
 * JVM. That is complete for the repositories of the memory server (file, memory: one node), and is what
 * FileMailRepository itself does for its own entries. See the README's deployment guarantees for shared
 * repositories of a cluster. Thread-safe.
 */
@Singleton
public class Quarantine {
    private static final Logger LOGGER = LoggerFactory.getLogger(Quarantine.class);
    /** Held entries, by repository and key: whoever stores, reads or ends one holds it (see {@link EntryLocks}). */
    private static final EntryLocks ENTRIES = new EntryLocks();

    /** What an ending did: ended the hold (the entry is removed), or kept it. */
    public enum Ending {
        ENDED, KEPT
    }

    /** What {@link #end} found. */
    public enum Outcome {
        /** The ending ran and the entry was removed. */
        ENDED,
        /** The ending looked at the entry and kept it. */
        KEPT,
        /** There was nothing to end: already released, returned, deleted, or never held. */
        NOT_HELD
    }

    /** One way to end a hold, given the held mail (which it must not dispose). */
    @FunctionalInterface
    public interface Action {
        Ending apply(Mail held) throws MessagingException;
    }

    /** Counts every held recipient sent on (by an administrator or by its sender): {@code lookalikeGuard_release_total}. */
    public static final String RELEASE_METRIC = "lookalikeGuard_release";

    private final MailRepositoryStore store;
    private final MailQueueFactory<?> queues;
    private final MetricFactory metrics;
    private final Clock clock;
    private volatile MailQueue spool;

    @Inject
    public Quarantine(MailRepositoryStore store, MailQueueFactory<?> queues, MetricFactory metrics, Clock clock) {
        this.store = store;
        this.queues = queues;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Holds each stopped recipient of {@code mail} as its own entry, all or none: if one cannot be stored, those
     * already stored are removed again and the failure is thrown. The mail itself is left as it was, except for
     * the held marker and action recorded on it.
     *
     * @param kindOf how each recipient is held, by its verdict (for confirmation, or for an administrator)
     * @return the keys, in the order of {@code stopped}
     */
    public List<HeldKey> hold(MailRepositoryUrl url, Mail mail, RecipientVerdicts stopped,
                              Function<RecipientVerdict, HeldKey.Kind> kindOf, String action)
            throws MessagingException {
        MailRepository repository = repository(url);
        String mailId = HeldKey.newMailId(clock.instant());
        String originalName = mail.getName();
        Collection<MailAddress> originalRecipients = ImmutableList.copyOf(mail.getRecipients());
        String originalError = mail.getErrorMessage();
        Date originalLastUpdated = mail.getLastUpdated();
        List<HeldKey> stored = new ArrayList<>();
        LookalikeAttributes.markHeld(mail);
        LookalikeAttributes.recordAction(mail, action);
        RecipientVerdicts.recordedOn(mail).with(stopped).recordOn(mail);
        try {
            int index = 0;
            for (Map.Entry<MailAddress, RecipientVerdict> recipient : stopped.asMap().entrySet()) {
                HeldKey key = HeldKey.of(mailId, index++, mail.getMaybeSender().asString(""), kindOf.apply(recipient.getValue()),
                    recipient.getKey().getDomain().asString(), recipient.getValue().nearest().orElse(""));
                mail.setName(key.asString());
                mail.setRecipients(List.of(recipient.getKey()));
                mail.setErrorMessage(recipient.getValue().explanation());
                mail.setLastUpdated(Date.from(clock.instant()));
                ENTRIES.holding(url, key.asString(), () -> {
                    repository.store(mail);
                    return null;
                });
                stored.add(key);
            }
            return stored;
        } catch (MessagingException | RuntimeException e) {
            // Not held after all: without the marker, a later reprocessing from James's error repository is
            // checked again instead of passing as a released mail.
            LookalikeAttributes.unmarkHeld(mail);
            for (HeldKey key : stored) {
                try {
                    ENTRIES.holding(url, key.asString(), () -> {
                        repository.remove(key.mailKey());
                        return null;
                    });
                } catch (MessagingException | RuntimeException removal) {
                    LOGGER.error("could not remove {} from {} after a failed hold: that recipient stays held as well",
                        key, url.asString(), removal);
                }
            }
            throw e;
        } finally {
            mail.setName(originalName);
            mail.setRecipients(originalRecipients);
            mail.setErrorMessage(originalError);
            mail.setLastUpdated(originalLastUpdated);
        }
    }

    /** The keys of a quarantine, as strings (a key list: nothing is read). */
    public List<String> keys(MailRepositoryUrl url) throws MessagingException {
        List<String> keys = new ArrayList<>();
        for (Iterator<MailKey> iterator = repository(url).list(); iterator.hasNext(); ) {
            keys.add(iterator.next().asString());
        }
        return keys;
    }

    /**
     * One entry, read and disposed; empty if it is not (or no longer) held. Read while holding the entry, as
     * {@link #end} and {@link #hold} hold it while they remove or store it: a file repository removes an entry's
     * message before its record, and an entry read in between would fail (a listing of held mail while an
     * expiry ends one, answered 500, seen once in CI).
     */
    public Optional<HeldMail> read(MailRepositoryUrl url, String key) throws MessagingException {
        if (!StateRepository.fitsAsKey(key)) {
            // Not one of the guard's keys nor a James mail name (a WebAdmin path, a token: both given by whoever asks).
            return Optional.empty();
        }
        MailRepository repository = repository(url);
        return ENTRIES.holding(url, key, () -> {
            Mail mail = repository.retrieve(new MailKey(key));
            if (mail == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(HeldMail.of(url, key, mail));
            } finally {
                LifecycleUtil.dispose(mail);
            }
        });
    }

    /**
     * Ends the hold of one entry at most once: runs {@code action} on the held mail and removes the entry when
     * the action says it ended the hold. Concurrent calls for the same entry run one after the other; the later
     * ones find nothing ({@link Outcome#NOT_HELD}). An action that throws leaves the entry held.
     */
    public Outcome end(MailRepositoryUrl url, String key, Action action) throws MessagingException {
        if (!StateRepository.fitsAsKey(key)) {
            return Outcome.NOT_HELD;
        }
        MailRepository repository = repository(url);
        MailKey mailKey = new MailKey(key);
        return ENTRIES.holding(url, key, () -> {
            Mail held = repository.retrieve(mailKey);
            if (held == null) {
                return Outcome.NOT_HELD;
            }
            try {
                if (action.apply(held) == Ending.KEPT) {
                    return Outcome.KEPT;
                }
            } finally {
                LifecycleUtil.dispose(held);
            }
            repository.remove(mailKey);
            return Outcome.ENDED;
        });
    }

    /**
     * Puts a copy of a held mail back into James's spool, in {@code processor}, for its recipients: it carries the
     * held marker, so the guard lets it through wherever it goes. For use inside an {@link Action}.
     */
    public void spool(Mail held, String processor) throws MessagingException {
        MailImpl copy = MailImpl.duplicate(held);
        try {
            copy.setName(MailImpl.getId());
            copy.setState(processor);
            copy.setAttribute(Mail.SENT_BY_MAILET_ATTRIBUTE);
            spool().enQueue(copy);
        } finally {
            copy.dispose();
        }
        metrics.generate(RELEASE_METRIC).add(held.getRecipients().size());
    }

    private MailQueue spool() {
        MailQueue queue = spool;
        if (queue == null) {
            queue = queues.createQueue(MailQueueFactory.SPOOL);
            spool = queue;
        }
        return queue;
    }

    private MailRepository repository(MailRepositoryUrl url) throws MessagingException {
        return StateRepository.open(store, url);
    }

    public Clock clock() {
        return clock;
    }
}
