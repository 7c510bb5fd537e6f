package dev.lookalikeguard.state;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
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
 * expiry ({@link #expiresAttribute}), after which {@link #purgeExpired} removes it.
 */
public final class StateRepository {
    private static final AttributeName EXPIRES = AttributeName.of("dev.lookalikeguard.expires");

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

    /** Selects a repository, turning the store's failure into a MessagingException naming the URL. */
    public static MailRepository open(MailRepositoryStore store, MailRepositoryUrl url) throws MessagingException {
        try {
            return store.select(url);
        } catch (MailRepositoryStore.MailRepositoryStoreException e) {
            throw new MessagingException("cannot open " + url.asString(), e);
        }
    }

    static Attribute expiresAttribute(Instant expires) {
        return new Attribute(EXPIRES, AttributeValue.of(expires.toEpochMilli()));
    }

    static Optional<Instant> expires(Mail entry) {
        return entry.getAttribute(EXPIRES).map(Attribute::getValue).map(AttributeValue::value)
            .filter(Number.class::isInstance).map(Number.class::cast).map(number -> Instant.ofEpochMilli(number.longValue()));
    }

    /** Removes every entry whose expiry has passed (a full read of the repository: maintenance only). */
    int purgeExpired() throws MessagingException {
        MailRepository repository = repository();
        List<MailKey> expired = new ArrayList<>();
        Instant now = clock.instant();
        for (Iterator<MailKey> keys = repository.list(); keys.hasNext(); ) {
            MailKey key = keys.next();
            Mail entry = repository.retrieve(key);
            if (entry == null) {
                continue;
            }
            try {
                if (expires(entry).filter(now::isAfter).isPresent()) {
                    expired.add(key);
                }
            } finally {
                LifecycleUtil.dispose(entry);
            }
        }
        int removed = 0;
        for (MailKey key : expired) {
            // Read again just before: an entry renewed since (a sender confirming again, an admin re-adding a
            // domain) is kept.
            Mail entry = repository.retrieve(key);
            try {
                if (entry == null || expires(entry).filter(clock.instant()::isAfter).isEmpty()) {
                    continue;
                }
            } finally {
                LifecycleUtil.dispose(entry);
            }
            repository.remove(key);
            removed++;
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
