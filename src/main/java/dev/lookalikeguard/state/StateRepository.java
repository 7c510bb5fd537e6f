package dev.lookalikeguard.state;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.james.mailrepository.api.MailKey;
import org.apache.james.mailrepository.api.MailRepository;
import org.apache.james.mailrepository.api.MailRepositoryPath;
import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.james.mailrepository.api.Protocol;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;

/**
 * The guard's own state kept as entries of a James mail repository (under the store's default
 * protocol): a store James already manages, persistent where the server persists mail repositories
 * and shared by every node of a clustered James. Entries are read by key; an entry may carry an
 * expiry ({@link #expiresAttribute}), after which {@link #purgeExpired} removes it. Whoever stores, reads or
 * removes an entry holds it meanwhile ({@link #holding}, see {@link EntryLocks}): on a file repository a read
 * racing a removal or a store fails, and the run-time allow-list is read for every recipient.
 */
public final class StateRepository {
    private static final AttributeName EXPIRES = AttributeName.of("dev.lookalikeguard.expires");
    /** The longest key a mail repository is asked for (see {@link #fitsAsKey}). */
    private static final int MAX_PLAIN_KEY = 100;
    /** Every state repository's entries, by repository and key (see {@link EntryLocks}: held last, never nested). */
    private static final EntryLocks ENTRIES = new EntryLocks();

    private final MailRepositoryStore store;
    private final MailRepositoryUrl url;
    private final Clock clock;

    StateRepository(MailRepositoryStore store, String path, Clock clock) {
        this.store = store;
        this.url = MailRepositoryUrl.fromPathAndProtocol(store.defaultProtocol().orElse(new Protocol("memory")),
            MailRepositoryPath.from(path));
        this.clock = clock;
    }

    MailRepository repository() throws MessagingException {
        return open(store, url);
    }

    MailRepositoryUrl url() {
        return url;
    }

    /** What is done to one entry of the repository while holding it. */
    interface EntryWork<T> {
        T run(MailRepository repository) throws MessagingException;
    }

    /**
     * Whether a mail repository can keep an entry under this key: printable ASCII of at most {@value #MAX_PLAIN_KEY}
     * characters. A file repository writes each key's bytes in hexadecimal, with a 27-character ending, as a file name of
     * at most 255 bytes, so a key of 115 bytes or more (a domain may have 253 characters) could be neither written nor
     * read.
     */
    static boolean fitsAsKey(String name) {
        return name.length() <= MAX_PLAIN_KEY && name.chars().allMatch(c -> c > ' ' && c < 0x7f);
    }

    /** The key of the entry named {@code name} (a domain): the name itself if it {@linkplain #fitsAsKey fits}, else a digest of it. */
    static MailKey keyFor(String name) {
        return new MailKey(fitsAsKey(name) ? name : "k1-" + Base32.digest(name, 32));
    }

    /** Runs {@code work} on the repository holding the entry {@code key} (see {@link EntryLocks}). */
    <T> T holding(MailKey key, EntryWork<T> work) throws MessagingException {
        MailRepository repository = repository();
        return ENTRIES.holding(url, key.asString(), () -> work.run(repository));
    }

    /** Stores an entry (in place of the one of the same name, if any) holding it, then disposes of it. */
    void store(Mail entry) throws MessagingException {
        try {
            holding(MailKey.forMail(entry), repository -> repository.store(entry));
        } finally {
            LifecycleUtil.dispose(entry);
        }
    }

    /** Removes the entry {@code key}, holding it; false if there was none. */
    boolean remove(MailKey key) throws MessagingException {
        return holding(key, repository -> {
            Mail entry = repository.retrieve(key);
            if (entry == null) {
                return false;
            }
            LifecycleUtil.dispose(entry);
            repository.remove(key);
            return true;
        });
    }

    /** The keys of every entry (a key list: nothing is read). */
    List<MailKey> keys() throws MessagingException {
        List<MailKey> keys = new ArrayList<>();
        repository().list().forEachRemaining(keys::add);
        return keys;
    }

    /** Selects a repository, turning the store's failure into a MessagingException naming the URL. */
    public static MailRepository open(MailRepositoryStore store, MailRepositoryUrl url) throws MessagingException {
        try {
            return store.select(url);
        } catch (MailRepositoryStore.MailRepositoryStoreException e) {
            throw new MessagingException("cannot open " + url.asString(), e);
        }
    }

    static Attribute expiresAttribute(Instant expires) {
        return instantAttribute(EXPIRES, expires);
    }

    static Optional<Instant> expires(Mail entry) {
        return instant(entry, EXPIRES);
    }

    /** An instant kept on an entry (epoch milliseconds), read back with {@link #instant}. */
    static Attribute instantAttribute(AttributeName name, Instant instant) {
        return new Attribute(name, AttributeValue.of(instant.toEpochMilli()));
    }

    /** A text kept on an entry, if any. */
    static Optional<String> text(Mail entry, AttributeName name) {
        return entry.getAttribute(name).map(Attribute::getValue).map(AttributeValue::value).map(String::valueOf);
    }

    static Optional<Instant> instant(Mail entry, AttributeName name) {
        return entry.getAttribute(name).map(Attribute::getValue).map(AttributeValue::value)
            .filter(Number.class::isInstance).map(Number.class::cast).map(number -> Instant.ofEpochMilli(number.longValue()));
    }

    /**
     * Removes every entry whose expiry has passed (a full read of the repository: maintenance only). Each entry is
     * read and removed while holding it, so an entry renewed meanwhile (a sender confirming again, an admin
     * re-adding a domain) is kept.
     */
    int purgeExpired() throws MessagingException {
        int removed = 0;
        for (MailKey key : keys()) {
            boolean expired = holding(key, repository -> {
                Mail entry = repository.retrieve(key);
                if (entry == null) {
                    return false;
                }
                try {
                    if (expires(entry).filter(clock.instant()::isAfter).isEmpty()) {
                        return false;
                    }
                } finally {
                    LifecycleUtil.dispose(entry);
                }
                repository.remove(key);
                return true;
            });
            removed += expired ? 1 : 0;
        }
        return removed;
    }

    /** The small message an entry carries (repositories store mail, and mail has a message). */
    static MimeMessage placeholder(String subject, String text) throws MessagingException {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setSubject(subject);
        message.setText(text);
        message.saveChanges();
        return message;
    }
}
