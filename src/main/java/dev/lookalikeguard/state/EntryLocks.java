package dev.lookalikeguard.state;

import java.util.concurrent.locks.Lock;

import javax.mail.MessagingException;

import org.apache.james.mailrepository.api.MailRepositoryUrl;

import com.google.common.util.concurrent.Striped;

/**
 * Holding one entry of a mail repository in this JVM, for whoever stores, reads or removes it. James's
 * FileMailRepository writes an entry's message before its record and removes the message before the record, and
 * a read that meets an entry half written or half removed fails ("Cannot lock ... to remove it", or a
 * FileNotFoundException on the message; it even removes an entry whose record it cannot read): so every access to
 * an entry of the guard's repositories holds that entry. The locks are shared by every user of a repository in the
 * JVM (the matcher, the mailet, the WebAdmin routes), whatever object they go through. Thread-safe.
 */
final class EntryLocks {
    private static final Striped<Lock> LOCKS = Striped.lock(256);

    private EntryLocks() {
    }

    /** What is done to one entry while holding it. */
    interface Work<T> {
        T run() throws MessagingException;
    }

    /** Runs {@code work} holding the entry {@code key} of the repository at {@code url}. */
    static <T> T holding(MailRepositoryUrl url, String key, Work<T> work) throws MessagingException {
        Lock lock = LOCKS.get(url.asString() + "\n" + key);
        lock.lock();
        try {
            return work.run();
        } finally {
            lock.unlock();
        }
    }
}
