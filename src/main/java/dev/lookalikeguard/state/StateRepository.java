package dev.lookalikeguard.state;

import java.util.Iterator;
import java.util.Properties;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.apache.james.mailrepository.api.MailKey;
import org.apache.james.mailrepository.api.MailRepository;
import org.apache.james.mailrepository.api.MailRepositoryPath;
import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.james.mailrepository.api.Protocol;
import org.apache.mailet.Mail;

/**
 * The guard's own state kept as entries of a James mail repository (under the store's default
 * protocol): a store James already manages, persistent where the server persists mail repositories
 * and shared by every node of a clustered James.
 */
public final class StateRepository {
    private final MailRepositoryStore store;
    private final MailRepositoryUrl url;

    StateRepository(MailRepositoryStore store, String path) {
        this.store = store;
        this.url = MailRepositoryUrl.fromPathAndProtocol(store.defaultProtocol().orElse(new Protocol("memory")),
            MailRepositoryPath.from(path));
    }

    MailRepository repository() throws MessagingException {
        return open(store, url);
    }

    /** Selects a repository, turning the store's failure into a MessagingException naming the URL. */
    public static MailRepository open(MailRepositoryStore store, MailRepositoryUrl url) throws MessagingException {
        try {
            return store.select(url);
        } catch (MailRepositoryStore.MailRepositoryStoreException e) {
            throw new MessagingException("cannot open " + url.asString(), e);
        }
    }

    /** The entry, looked up in the key list first: retrieving a missing key makes some repositories log errors. */
    Mail retrieveIfPresent(MailKey key) throws MessagingException {
        MailRepository repository = repository();
        for (Iterator<MailKey> keys = repository.list(); keys.hasNext(); ) {
            if (keys.next().equals(key)) {
                return repository.retrieve(key);
            }
        }
        return null;
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
